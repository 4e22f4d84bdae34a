@req:RD-05 @capability:redemption-refund
Feature: Refunding a payment back to the voucher
  Returning goods paid by a voucher credits the voucher back. The refunds of one payment add up to at
  most what it took; a second full reversal credits nothing.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 50.00 EUR
    And the cashier at POS 1 pays 30.00 EUR with voucher "V1" on receipt "R-100"

  @capability:ledger
  Scenario: Partial refunds add up
    When the cashier at POS 1 refunds 10.00 EUR of the payment on receipt "R-100"
    And the cashier at POS 2 refunds 15.00 EUR of the payment on receipt "R-100"
    Then the refund is accepted
    And voucher "V1" has a balance of 45.00 EUR
    And the ledger of voucher "V1" ends with:
      | kind   | amount    | balance after |
      | refund | 10.00 EUR | 30.00 EUR     |
      | refund | 15.00 EUR | 45.00 EUR     |

  Scenario: A refund is capped at what the payment took
    Given the cashier at POS 1 refunds 25.00 EUR of the payment on receipt "R-100"
    When the cashier at POS 1 refunds 10.00 EUR of the payment on receipt "R-100"
    Then the refund is refused with "refund_exceeds_redemption"
    And the refusal gives 5.00 EUR as refundable
    And voucher "V1" is exactly as it was

  Scenario: A full reversal credits everything the payment took
    When the cashier at POS 1 reverses the payment on receipt "R-100"
    Then the refund is accepted
    And voucher "V1" has a balance of 50.00 EUR

  Scenario: A second reversal of the same payment credits nothing
    Given the cashier at POS 1 reverses the payment on receipt "R-100"
    When the cashier at POS 2 reverses the payment on receipt "R-100"
    Then the refund is refused with "refund_exceeds_redemption"
    And the refusal gives 0.00 EUR as refundable
    And voucher "V1" is exactly as it was
    And voucher "V1" has a balance of 50.00 EUR

  @capability:ledger
  Scenario: After partial refunds a reversal credits only what remains
    Given the cashier at POS 1 refunds 10.00 EUR of the payment on receipt "R-100"
    When the cashier at POS 1 reverses the payment on receipt "R-100"
    Then the refund is accepted
    And voucher "V1" has a balance of 50.00 EUR
    And the ledger of voucher "V1" adds up to its balance

  @req:RD-08
  Scenario: A refund in another currency is refused
    When the cashier at POS 1 refunds 10.00 USD of the payment on receipt "R-100"
    Then the refund is refused with "currency_mismatch"
    And voucher "V1" is exactly as it was
