@req:LC-06 @capability:two-phase-sale
Feature: Two-phase sale of a voucher
  Adding a voucher to an open receipt makes it activating; closing the receipt makes it activated;
  cancelling the receipt puts it back to prepared, exactly as it was.

  Background:
    Given a reusable voucher type "GIFT"
    And a prepared voucher "V1" of type "GIFT" worth 50.00 EUR

  Scenario: Adding the voucher to an open receipt makes it activating
    When the cashier at POS 1 adds voucher "V1" to a sale receipt
    Then the sale is accepted
    And voucher "V1" is activating

  Scenario: Closing the receipt activates the voucher
    When the cashier at POS 1 adds voucher "V1" to a sale receipt
    And the cashier at POS 1 closes the sale receipt of voucher "V1"
    Then the sale is accepted
    And voucher "V1" is activated
    And voucher "V1" has a balance of 50.00 EUR

  @req:LC-13
  Scenario: A sale rolled back leaves the voucher exactly as it was
    When the cashier at POS 1 adds voucher "V1" to a sale receipt
    And the cashier at POS 1 cancels the sale receipt of voucher "V1"
    Then the cancellation is accepted
    And voucher "V1" is prepared
    And voucher "V1" is exactly as it was

  @req:LC-13
  Scenario: A voucher that is still being sold cannot pay
    Given an activating voucher "V2" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 2 pays 5.00 EUR with voucher "V2"
    Then the payment is refused with "voucher_not_active"
    And the refusal names the state "activating"
    And voucher "V2" is exactly as it was

  @req:LC-13
  Scenario: A receipt that was never opened cannot be closed
    When the cashier at POS 1 closes the sale receipt of voucher "V1"
    Then the sale is refused with "illegal_transition"
    And voucher "V1" is exactly as it was
