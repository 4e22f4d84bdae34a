@req:CC-01 @capability:balance-guard
Feature: Balance guard
  Any number of receipts may select the same voucher; the check happens when a receipt is finalized,
  the first to finalize wins and the other gets "insufficient balance". Overspending is impossible.

  Background:
    Given a reusable voucher type "GIFT" with policy "balance-guard"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  @capability:holds
  Scenario: Two POS select the same voucher; the second to finalize is refused
    Given the cashier at POS 1 holds 15.00 EUR of voucher "V1"
    And the cashier at POS 2 holds 15.00 EUR of voucher "V1"
    When the cashier at POS 1 captures the hold
    And the cashier at POS 2 captures the hold
    Then the capture is refused with "insufficient_balance"
    And the refusal gives 5.00 EUR as available
    And voucher "V1" has a balance of 5.00 EUR

  @capability:holds
  Scenario: A hold does not reserve the voucher under balance guard
    When the cashier at POS 1 holds 15.00 EUR of voucher "V1"
    And the web shop holds 15.00 EUR of voucher "V1"
    Then the hold is accepted

  @capability:holds @req:RD-03 @req:CH-01
  Scenario: Two POS finalize at the same moment: one wins, the other is told the balance is short
    Given the cashier at POS 1 holds 15.00 EUR of voucher "V1"
    And the cashier at POS 2 holds 15.00 EUR of voucher "V1"
    When at the same time:
      | actor | action   |
      | POS 1 | captures |
      | POS 2 | captures |
    Then 1 of them is accepted and 1 is refused with "insufficient_balance"
    And voucher "V1" has a balance of 5.00 EUR

  @req:RD-03 @req:CH-01
  Scenario: A POS and the web shop pay at the same moment
    When at the same time:
      | actor    | action | amount    | voucher |
      | POS 1    | pays   | 15.00 EUR | V1      |
      | web shop | pays   | 15.00 EUR | V1      |
    Then 1 of them is accepted and 1 is refused with "insufficient_balance"
    And voucher "V1" has a balance of 5.00 EUR

  @req:RD-03 @req:CC-05 @capability:ledger
  Scenario: Payments that fit together all go through at the same moment
    When at the same time:
      | actor    | action | amount    | voucher |
      | POS 1    | pays   | 5.00 EUR  | V1      |
      | POS 2    | pays   | 5.00 EUR  | V1      |
      | web shop | pays   | 10.00 EUR | V1      |
    Then all of them are accepted
    And voucher "V1" has a balance of 0.00 EUR
    And the ledger of voucher "V1" adds up to its balance
