@req:CH-02 @req:CC-05 @req:RD-06
Feature: An unreachable service is never assumed fine
  A POS may lose its link to the central service, or lose an answer on the way back. It must not count
  a payment as done without a confirmation; a retry with the same idempotency key tells whether it
  happened, and the money moves at most once.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  Scenario: A POS that cannot reach the service gets no confirmation and nothing moves
    Given the central voucher service is unreachable from POS 2
    When the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    Then POS 2 gets no confirmation
    And voucher "V1" has a balance of 20.00 EUR

  @capability:ledger
  Scenario: A payment whose answer was lost is settled by a retry with the same key
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1" but the answer is lost
    And the cashier at POS 1 sends the same request again with the same idempotency key
    Then the second answer is the same as the first
    And voucher "V1" has a balance of 15.00 EUR
    And the ledger of voucher "V1" adds up to its balance

  Scenario: Once the link is back the POS pays normally
    Given the central voucher service is unreachable from POS 2
    And the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    When the connection of POS 2 comes back
    And the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    Then the payment is accepted
    And voucher "V1" has a balance of 15.00 EUR
