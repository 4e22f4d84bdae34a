@req:RD-04 @capability:holds @capability:hold-expiry @capability:test-control
Feature: Holds expire
  A hold not captured within its time-to-live is released without anyone asking, so an abandoned basket
  never locks value forever.

  @capability:amount-holds
  Scenario: An abandoned hold gives its amount back when it expires
    Given a voucher type "GIFT" with:
      | policy           | amount-holds |
      | hold ttl seconds | 600          |
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    And the web shop holds 15.00 EUR of voucher "V1"
    When 601 seconds pass
    Then voucher "V1" has 20.00 EUR available
    And voucher "V1" has a balance of 20.00 EUR

  @capability:amount-holds
  Scenario: A hold that expired while no one used the voucher gives all of its amount to the next payment
    A service may release expired holds in the background, before anyone uses the voucher again: what it
    gives back must then be spendable, not only shown.

    Given a voucher type "GIFT" with:
      | policy           | amount-holds |
      | hold ttl seconds | 600          |
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    And the web shop holds 15.00 EUR of voucher "V1"
    When 601 seconds pass
    And 2 seconds of real time pass
    And the cashier at POS 1 pays 20.00 EUR with voucher "V1"
    Then the payment is accepted
    And voucher "V1" has a balance of 0.00 EUR

  @capability:amount-holds @capability:ledger
  Scenario: Capture after the hold expired is refused
    Given a voucher type "GIFT" with:
      | policy           | amount-holds |
      | hold ttl seconds | 600          |
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    And the cashier at POS 1 holds 15.00 EUR of voucher "V1" for 60 seconds
    When 61 seconds pass
    And the cashier at POS 1 captures the hold
    Then the capture is refused with "hold_expired"
    And voucher "V1" has a balance of 20.00 EUR
    And the ledger of voucher "V1" has no capture entry

  @capability:amount-holds
  Scenario: A hold captured within its time-to-live moves the money
    Given a voucher type "GIFT" with:
      | policy           | amount-holds |
      | hold ttl seconds | 600          |
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    And the cashier at POS 1 holds 15.00 EUR of voucher "V1" for 60 seconds
    When 59 seconds pass
    And the cashier at POS 1 captures the hold
    Then the capture is accepted
    And voucher "V1" has a balance of 5.00 EUR

  @capability:exclusive-hold
  Scenario: An expired exclusive hold frees the voucher for the next receipt
    Given a voucher type "SOLO" with:
      | policy           | exclusive-hold |
      | hold ttl seconds | 600            |
    And an activated voucher "V2" of type "SOLO" worth 20.00 EUR
    And the cashier at POS 1 holds 5.00 EUR of voucher "V2"
    When 601 seconds pass
    And the web shop holds 20.00 EUR of voucher "V2"
    Then the hold is accepted

  @capability:amount-holds @capability:sweep-control
  Scenario: Holds that the background expiry releases while counters pay lose no payment
    A service's sweep releases the holds that fell due while the counters go on paying. It must lock the
    voucher as a payment does: one that writes back what it read before a payment committed undoes it,
    and one that locks the voucher after its holds deadlocks with the payment.

    Given voucher "123" worth 30.00 EUR under the amount-holds policy
    When three POS and a web shop hold parts of voucher "123" while the clock moves past their holds and the background expiry runs all the time
    Then no checker finds a violation
