@req:CC-03 @capability:amount-holds @capability:holds
Feature: Amount holds
  Like card authorizations: several holds may coexist while their sum does not exceed the balance. A
  hold beyond what is available is refused with the available amount.

  Background:
    Given a reusable voucher type "GIFT" with policy "amount-holds"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  Scenario: Holds that fit together coexist
    Given the cashier at POS 1 holds 12.00 EUR of voucher "V1"
    When the web shop holds 8.00 EUR of voucher "V1"
    Then the hold is accepted
    And voucher "V1" has 0.00 EUR available

  Scenario: A hold beyond what is available is refused with the available amount
    Given the cashier at POS 1 holds 15.00 EUR of voucher "V1"
    When the web shop holds 10.00 EUR of voucher "V1"
    Then the hold is refused with "insufficient_balance"
    And the refusal gives 5.00 EUR as available
    And voucher "V1" is exactly as it was

  Scenario: A release makes room for the next hold
    Given the cashier at POS 1 holds 15.00 EUR of voucher "V1"
    And the cashier at POS 1 releases the hold
    When the web shop holds 20.00 EUR of voucher "V1"
    Then the hold is accepted

  @req:CH-01 @req:RD-03 @req:CC-05
  Scenario: Two holds that do not fit together race: one is refused
    When at the same time:
      | actor    | action | amount    | voucher |
      | POS 1    | holds  | 15.00 EUR | V1      |
      | web shop | holds  | 15.00 EUR | V1      |
    Then 1 of them is accepted and 1 is refused with "insufficient_balance"
    And voucher "V1" has 5.00 EUR available
    And voucher "V1" has a balance of 20.00 EUR

  @req:CH-01 @req:RD-03 @req:CC-05 @capability:ledger
  Scenario: Three receipts pay at the same moment; only what fits goes through
    When at the same time:
      | actor    | action | amount    | voucher |
      | POS 1    | pays   | 10.00 EUR | V1      |
      | POS 2    | pays   | 10.00 EUR | V1      |
      | web shop | pays   | 10.00 EUR | V1      |
    Then 2 of them are accepted and 1 is refused with "insufficient_balance, voucher_redeemed"
    And voucher "V1" has a balance of 0.00 EUR
    And the ledger of voucher "V1" adds up to its balance
