@req:RD-06
Feature: What an idempotency key covers
  A key is the retailer's own: another retailer's request under the same key is another request, neither
  refused nor answered with someone else's answer. And a refusal is an answer like any other: a retry
  with the same key gets the refusal again, even after the voucher has changed so that a new request
  would pass.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  @capability:test-control @capability:one-step-redeem
  Scenario: The same key at another retailer is another request
    Given the cashier of the other retailer has an activated voucher "W1" worth 20.00 EUR
    And the cashier at POS 1 redeems 5.00 EUR from voucher "V1" in one step
    When the cashier of the other retailer redeems 7.00 EUR from voucher "W1" in one step with the same idempotency key
    Then the redemption is accepted
    And voucher "W1" has a balance of 13.00 EUR
    And voucher "V1" has a balance of 15.00 EUR

  @capability:one-step-redeem @capability:redemption-refund
  Scenario: A refused payment retried after the balance grew is refused again
    Given the cashier at POS 1 pays 15.00 EUR with voucher "V1" on receipt "R-1"
    And the cashier at POS 1 tries to redeem 10.00 EUR from voucher "V1" in one step and is refused with "insufficient_balance"
    And the cashier at POS 1 refunds 15.00 EUR of the payment on receipt "R-1"
    When the cashier at POS 1 retries the refused request with the same idempotency key
    Then the retry is refused the same way
    And voucher "V1" has a balance of 20.00 EUR
