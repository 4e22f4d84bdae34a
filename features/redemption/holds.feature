@req:RD-02 @capability:holds
Feature: Holds: a payment in two phases
  A hold sets an amount aside for one open receipt; capturing it moves the money, releasing it moves
  nothing. Until the capture the ledger has no debit; a release rolls the voucher back to exactly its
  state before.

  Background:
    Given a reusable voucher type "GIFT" with policy "amount-holds"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  @capability:amount-holds @capability:ledger
  Scenario: A hold reduces what can be spent elsewhere, but not the ledger
    When the cashier at POS 1 holds 12.00 EUR of voucher "V1"
    Then the hold is accepted
    And voucher "V1" has 8.00 EUR available
    And voucher "V1" has a balance of 20.00 EUR
    And the ledger of voucher "V1" has no capture entry

  @capability:amount-holds
  Scenario: Releasing the hold restores the voucher exactly
    When the cashier at POS 1 holds 12.00 EUR of voucher "V1"
    And the cashier at POS 1 releases the hold
    Then the release is accepted
    And voucher "V1" has 20.00 EUR available
    And voucher "V1" is exactly as it was

  @capability:amount-holds @capability:ledger
  Scenario: Capturing the hold moves the money
    When the cashier at POS 1 holds 12.00 EUR of voucher "V1"
    And the cashier at POS 1 captures the hold
    Then the capture is accepted
    And voucher "V1" has a balance of 8.00 EUR
    And voucher "V1" has 8.00 EUR available
    And the ledger of voucher "V1" ends with:
      | kind    | amount     | balance after |
      | capture | -12.00 EUR | 8.00 EUR      |

  @capability:amount-holds @capability:partial-capture
  Scenario: Capturing less than the hold releases the rest
    When the cashier at POS 1 holds 12.00 EUR of voucher "V1"
    And the cashier at POS 1 captures 9.50 EUR of the hold
    Then the capture is accepted
    And the payment took 9.50 EUR
    And voucher "V1" has a balance of 10.50 EUR
    And voucher "V1" has 10.50 EUR available

  @capability:amount-holds @capability:partial-capture
  Scenario: Capturing more than the hold is refused
    When the cashier at POS 1 holds 12.00 EUR of voucher "V1"
    And the cashier at POS 1 captures 12.01 EUR of the hold
    Then the capture is refused with "capture_exceeds_hold"
    And voucher "V1" has a balance of 20.00 EUR

  @capability:amount-holds
  Scenario: A hold is captured once
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    And the cashier at POS 1 captures the hold
    When the cashier at POS 1 captures the hold
    Then the capture is refused with "hold_not_open"
    And voucher "V1" is exactly as it was

  @capability:amount-holds
  Scenario: A captured hold cannot be released
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    And the cashier at POS 1 captures the hold
    When the cashier at POS 1 releases the hold
    Then the release is refused with "hold_not_open"
    And voucher "V1" is exactly as it was
