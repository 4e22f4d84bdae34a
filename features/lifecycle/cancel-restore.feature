@req:LC-09 @capability:cancel-restore
Feature: Manual cancel and restore
  Only the back office cancels a voucher, for example when its number was compromised. A canceled
  voucher pays nothing; the back office can set it back to prepared.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 40.00 EUR

  Scenario: The back office cancels a compromised voucher
    When the back office cancels voucher "V1" because "number compromised"
    Then the cancellation is accepted
    And voucher "V1" is canceled

  @req:LC-13
  Scenario: A canceled voucher cannot pay
    Given the back office cancels voucher "V1" because "number compromised"
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_canceled"
    And voucher "V1" is exactly as it was

  Scenario: A canceled voucher is set back to prepared
    Given the back office cancels voucher "V1" because "number compromised"
    When the back office restores voucher "V1"
    Then the restore is accepted
    And voucher "V1" is prepared

  @req:LC-13
  Scenario: Only a canceled voucher can be restored
    When the back office restores voucher "V1"
    Then the restore is refused with "illegal_transition"
    And voucher "V1" is exactly as it was

  @req:LC-13 @capability:two-phase-sale
  Scenario: A canceled voucher cannot be sold
    Given a canceled voucher "V2" of type "GIFT" worth 40.00 EUR
    When the cashier at POS 1 adds voucher "V2" to a sale receipt
    Then the sale is refused with one of "voucher_canceled, illegal_transition"
    And voucher "V2" is exactly as it was

  @capability:roles
  Scenario: A cashier cannot cancel a voucher
    When the cashier at POS 1 cancels voucher "V1" because "customer asked"
    Then the cancellation is refused with "forbidden"
    And voucher "V1" is exactly as it was
