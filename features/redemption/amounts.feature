@req:RD-08
Feature: Amounts are positive integers of minor units in the voucher's currency
  Anything else is refused with a clear error and changes nothing.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  Scenario Outline: An amount written as <written> is refused
    When the cashier at POS 1 tries to pay with voucher "V1" the amount '<amount>'
    Then the payment is refused with "validation_failed"
    And voucher "V1" is exactly as it was

    Examples:
      | written            | amount                                     |
      | a float            | {"amount": 12.5, "currency": "EUR"}        |
      | a string           | {"amount": "1000", "currency": "EUR"}      |
      | zero               | {"amount": 0, "currency": "EUR"}           |
      | a negative number  | {"amount": -500, "currency": "EUR"}        |
      | an unknown money   | {"amount": 500, "currency": "EURO"}        |
      | a missing currency | {"amount": 500}                            |
      | a bare number      | 500                                        |
      | an extra field     | {"amount": 500, "currency": "EUR", "x": 1} |

  Scenario: A payment in another currency is refused
    When the cashier at POS 1 pays 5.00 USD with voucher "V1"
    Then the payment is refused with "currency_mismatch"
    And voucher "V1" is exactly as it was
