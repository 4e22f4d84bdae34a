@req:RD-06
Feature: Idempotent retries
  Every operation carries an idempotency key. A retry with the same key and body gets the first answer
  and moves no more money; the same key with another body is refused and changes nothing.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  @capability:holds @capability:amount-holds
  Scenario: A retried hold is the same hold and sets aside the amount once
    Given a reusable voucher type "HELD" with policy "amount-holds"
    And an activated voucher "V2" of type "HELD" worth 20.00 EUR
    And the cashier at POS 1 holds 5.00 EUR of voucher "V2"
    When the cashier at POS 1 sends the same request again with the same idempotency key
    Then the second answer is the same as the first
    And voucher "V2" has 15.00 EUR available

  @capability:holds @capability:ledger
  Scenario: A retried capture moves the money once
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    And the cashier at POS 1 captures the hold
    When the cashier at POS 1 sends the same request again with the same idempotency key
    Then the second answer is the same as the first
    And voucher "V1" has a balance of 15.00 EUR
    And the ledger of voucher "V1" adds up to its balance

  Scenario: A retry that comes seconds later still gets the first answer and takes the money once
    The key is kept for a retention window of hours (24 in the reference implementation), measured on
    the service's own clock: a POS that retries after a pause is still retrying, not paying again.

    Given the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    When the cashier at POS 1 sends the same request again with the same idempotency key 2 seconds later
    Then the second answer is the same as the first
    And voucher "V1" has a balance of 15.00 EUR

  @capability:holds
  Scenario: The same key with another amount is refused and changes nothing
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    When the cashier at POS 1 sends a request for 7.00 EUR with the same idempotency key
    Then the request is refused with "idempotency_key_reused"
    And voucher "V1" is exactly as it was

  @capability:one-step-redeem
  Scenario: A retried one-step redemption takes the money once
    Given the cashier at POS 1 redeems 5.00 EUR from voucher "V1" in one step
    When the cashier at POS 1 sends the same request again with the same idempotency key
    Then the second answer is the same as the first
    And voucher "V1" has a balance of 15.00 EUR

  @capability:redemption-refund
  Scenario: A retried refund credits once
    Given the cashier at POS 1 pays 10.00 EUR with voucher "V1" on receipt "R-1"
    And the cashier at POS 1 refunds 4.00 EUR of the payment on receipt "R-1"
    When the cashier at POS 1 sends the same request again with the same idempotency key
    Then the second answer is the same as the first
    And voucher "V1" has a balance of 14.00 EUR

  @req:LC-06 @capability:two-phase-sale
  Scenario: A retried sale activates once and answers the same
    Given a prepared voucher "V2" of type "GIFT" worth 30.00 EUR
    And the cashier at POS 1 adds voucher "V2" to a sale receipt
    When the cashier at POS 1 sends the same request again with the same idempotency key
    Then the second answer is the same as the first
    And voucher "V2" is activating
