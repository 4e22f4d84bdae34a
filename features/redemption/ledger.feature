@req:RD-07 @capability:ledger
Feature: The voucher's ledger
  Each voucher keeps an append-only ledger of issue, activation, loads, captures and refunds, with the
  receipt, register, channel and time. The balance always equals the ledger's sum.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 40.00 EUR

  Scenario: Every payment is an entry with its receipt, register, channel and time
    When the cashier at POS 3 pays 12.00 EUR with voucher "V1" on receipt "R-7"
    And the web shop pays 8.00 EUR with voucher "V1" on receipt "W-9"
    Then the ledger of voucher "V1" ends with:
      | kind    | amount     | balance after |
      | capture | -12.00 EUR | 28.00 EUR     |
      | capture | -8.00 EUR  | 20.00 EUR     |
    And the ledger entry of receipt "R-7" on voucher "V1" names register "POS3" and channel "pos"
    And the ledger entry of receipt "W-9" on voucher "V1" names register "WEB1" and channel "webshop"
    And the ledger of voucher "V1" adds up to its balance

  Scenario: A refused payment leaves no entry
    When the cashier at POS 1 pays 50.00 EUR with voucher "V1"
    Then the payment is refused with "insufficient_balance"
    And voucher "V1" is exactly as it was
    And the ledger of voucher "V1" adds up to its balance

  Scenario: A fresh voucher's ledger already gives its balance
    Then the ledger of voucher "V1" adds up to its balance
    And voucher "V1" has a balance of 40.00 EUR
