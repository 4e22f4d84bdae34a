@req:CC-02 @capability:exclusive-hold @capability:holds
Feature: Exclusive hold
  While one open receipt holds a voucher, every other POS or web shop that tries to use it is told the
  voucher is in use, until the hold is captured, released or expires.

  Background:
    Given a reusable voucher type "GIFT" with policy "exclusive-hold"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  Scenario: A second receipt is told the voucher is in use
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    When the web shop holds 5.00 EUR of voucher "V1"
    Then the hold is refused with "voucher_in_use"
    And voucher "V1" has a balance of 20.00 EUR

  Scenario: Paying at another POS is also told the voucher is in use
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    When the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_in_use"

  Scenario: After the release the next receipt may use the voucher
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    And the cashier at POS 1 releases the hold
    When the web shop holds 20.00 EUR of voucher "V1"
    Then the hold is accepted

  Scenario: After the capture the next receipt may use what is left
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    And the cashier at POS 1 captures the hold
    When the web shop pays 15.00 EUR with voucher "V1"
    Then the payment is accepted
    And voucher "V1" has a balance of 0.00 EUR

  @req:CH-01 @req:CC-05
  Scenario: A POS and the web shop reach for the voucher at the same moment
    When at the same time:
      | actor    | action | amount   | voucher |
      | POS 1    | holds  | 5.00 EUR | V1      |
      | web shop | holds  | 5.00 EUR | V1      |
    Then 1 of them is accepted and 1 is refused with "voucher_in_use"
    And voucher "V1" has a balance of 20.00 EUR

  @req:CH-01 @req:RD-03 @capability:ledger
  Scenario: Two POS pay at the same moment: one pays, the other is refused
    When at the same time:
      | actor | action | amount    | voucher |
      | POS 1 | pays   | 15.00 EUR | V1      |
      | POS 2 | pays   | 15.00 EUR | V1      |
    Then 1 of them is accepted and 1 is refused with "voucher_in_use, insufficient_balance"
    And voucher "V1" has a balance of 5.00 EUR
    And the ledger of voucher "V1" adds up to its balance
