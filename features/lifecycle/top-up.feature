@req:LC-11 @capability:top-up
Feature: Top-up
  Value can be loaded onto a reusable voucher whose type allows it.

  @capability:ledger
  Scenario: Loading value onto a reusable voucher
    Given a reusable top-up voucher type "CARD"
    And an activated voucher "V1" of type "CARD" worth 20.00 EUR
    And the cashier at POS 1 pays 15.00 EUR with voucher "V1"
    When the cashier at POS 1 tops up voucher "V1" with 30.00 EUR
    Then the top-up is accepted
    And voucher "V1" has a balance of 35.00 EUR
    And voucher "V1" still has its denomination of 20.00 EUR
    And the ledger of voucher "V1" ends with:
      | kind | amount    | balance after |
      | load | 30.00 EUR | 35.00 EUR     |
    And the ledger of voucher "V1" adds up to its balance

  Scenario Outline: No top-up on a <kind> voucher
    Given a <kind> voucher type "PLAIN"
    And an activated voucher "V1" of type "PLAIN" worth 20.00 EUR
    When the web shop tops up voucher "V1" with 10.00 EUR
    Then the top-up is refused with "top_up_not_allowed"
    And voucher "V1" is exactly as it was

    Examples:
      | kind     |
      | reusable |

    @capability:one-time-vouchers
    Examples:
      | kind     |
      | one-time |

  @req:RD-08
  Scenario: A top-up in another currency is refused
    Given a reusable top-up voucher type "CARD"
    And an activated voucher "V1" of type "CARD" worth 20.00 EUR
    When the cashier at POS 1 tops up voucher "V1" with 10.00 USD
    Then the top-up is refused with "currency_mismatch"
    And voucher "V1" is exactly as it was

  @req:LC-13
  Scenario: A voucher not yet sold cannot be topped up
    Given a reusable top-up voucher type "CARD"
    And a prepared voucher "V1" of type "CARD" worth 20.00 EUR
    When the cashier at POS 1 tops up voucher "V1" with 10.00 EUR
    Then the top-up is refused with "voucher_not_active"
    And voucher "V1" is exactly as it was
