@req:LC-05
Feature: Validity and expiry
  Validity runs for a period set by the voucher type. The back office can change it. After it the
  voucher is expired: it neither pays nor is refunded.

  Background:
    Given a voucher type "GIFT" with:
      | validity days | 365 |
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  @capability:test-control
  Scenario: A voucher expires when its validity has run out
    When 366 days pass
    Then voucher "V1" is expired

  @capability:test-control
  Scenario: An expired voucher cannot pay
    Given 366 days pass
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_expired"
    And voucher "V1" is exactly as it was

  @capability:test-control
  Scenario: A voucher cannot pay once the end of validity it shows has passed
    Given the end of validity of voucher "V1" has passed by 2 minutes
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_expired"
    And voucher "V1" is exactly as it was

  @capability:test-control @capability:redemption-refund
  Scenario: An expired voucher takes no refund
    Given the cashier at POS 1 pays 5.00 EUR with voucher "V1" on receipt "R-1"
    And 366 days pass
    When the cashier at POS 1 refunds 5.00 EUR of the payment on receipt "R-1"
    Then the refund is refused with "voucher_expired"
    And voucher "V1" is exactly as it was

  @capability:test-control @capability:top-up @req:LC-11
  Scenario: An expired voucher takes no top-up
    Given a voucher type "CARD" with:
      | reusable      | yes |
      | top-up        | yes |
      | validity days | 365 |
    And an activated voucher "V2" of type "CARD" worth 20.00 EUR
    And 366 days pass
    When the cashier at POS 1 tops up voucher "V2" with 10.00 EUR
    Then the top-up is refused with "voucher_expired"
    And voucher "V2" is exactly as it was

  @capability:test-control @capability:validity-change
  Scenario: The back office extends the validity before it runs out
    Given the back office extends the validity of voucher "V1" by 100 days
    When 366 days pass
    And the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is accepted
    And voucher "V1" has a balance of 15.00 EUR

  @capability:validity-change
  Scenario: The back office ends the validity manually
    When the back office ends the validity of voucher "V1" yesterday
    Then the change is accepted
    And voucher "V1" is expired

  @req:LC-13
  Scenario: A voucher whose validity was ended cannot pay
    Given an expired voucher "V2" of type "GIFT" worth 20.00 EUR
    When the web shop pays 5.00 EUR with voucher "V2"
    Then the payment is refused with "voucher_expired"
    And voucher "V2" is exactly as it was

  @capability:validity-change @capability:roles
  Scenario: A cashier cannot change the validity
    When the cashier at POS 1 extends the validity of voucher "V1" by 100 days
    Then the change is refused with "forbidden"

  Scenario: A sold voucher is valid for the period its type sets
    Given a voucher type "SHORT" with:
      | validity days | 30 |
    And an activated voucher "V3" of type "SHORT" worth 20.00 EUR
    Then voucher "V3" is valid for 30 days from its issue or its activation
