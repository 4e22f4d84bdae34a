@req:LC-08 @capability:voucher-refund
Feature: Returning an unused voucher
  A voucher that was sold but never used can be returned at the register: the return document makes it
  refunding; closing the document makes it refunded, or prepared again for resale, by the register's
  setting; abandoning the document leaves it activated.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 30.00 EUR

  Scenario: Opening a return document makes the voucher refunding
    When the cashier at POS 1 opens a return document for voucher "V1"
    Then the return is accepted
    And voucher "V1" is refunding

  Scenario Outline: Closing the return document leaves the voucher <outcome>
    When the cashier at POS 1 opens a return document for voucher "V1"
    And the cashier at POS 1 closes the return document of voucher "V1" with the voucher <outcome>
    Then the return is accepted
    And voucher "V1" is <outcome>

    Examples:
      | outcome  |
      | refunded |
      | prepared |

  Scenario: A voucher prepared again for resale is no longer activated
    When the cashier at POS 1 opens a return document for voucher "V1"
    And the cashier at POS 1 closes the return document of voucher "V1" with the voucher prepared
    Then the return is accepted
    And voucher "V1" is prepared
    And voucher "V1" has no activation time

  Scenario: Abandoning the return document leaves the voucher activated
    When the cashier at POS 1 opens a return document for voucher "V1"
    And the cashier at POS 1 abandons the return document of voucher "V1"
    Then voucher "V1" is activated
    And voucher "V1" has a balance of 30.00 EUR

  @req:LC-13
  Scenario: A refunded voucher cannot pay
    Given a refunded voucher "V2" of type "GIFT" worth 30.00 EUR
    When the cashier at POS 1 pays 5.00 EUR with voucher "V2"
    Then the payment is refused with "voucher_not_active"
    And the refusal names the state "refunded"

  @req:LC-13
  Scenario: A voucher that was used cannot be returned as unused
    Given the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    When the cashier at POS 2 opens a return document for voucher "V1"
    Then the return is refused with "illegal_transition"
    And voucher "V1" is exactly as it was

  @req:LC-05 @req:LC-13
  Scenario: An expired voucher cannot be returned
    Given an expired voucher "V3" of type "GIFT" worth 30.00 EUR
    When the cashier at POS 1 opens a return document for voucher "V3"
    Then the return is refused with "voucher_expired"
    And voucher "V3" is exactly as it was

  @req:LC-13 @capability:holds
  Scenario: A voucher held by an open receipt cannot be returned
    Given the cashier at POS 1 holds 5.00 EUR of voucher "V1"
    When the cashier at POS 2 opens a return document for voucher "V1"
    Then the return is refused with one of "voucher_in_use, illegal_transition"
    And voucher "V1" has a balance of 30.00 EUR

  @req:LC-13 @capability:redemption-refund
  Scenario: A voucher whose payment was refunded in full was used, and cannot be returned as unused
    Given the cashier at POS 1 pays 5.00 EUR with voucher "V1" on receipt "R-1"
    And the cashier at POS 1 refunds 5.00 EUR of the payment on receipt "R-1"
    When the cashier at POS 2 opens a return document for voucher "V1"
    Then the return is refused with "illegal_transition"
    And voucher "V1" has a balance of 30.00 EUR
