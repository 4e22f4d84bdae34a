@req:LC-13
Feature: Illegal transitions are refused and change nothing
  Every lifecycle action allowed only from some states is refused from the others with a clear error,
  and the voucher stays exactly as it was.

  Background:
    Given a reusable voucher type "GIFT"

  Scenario Outline: Paying with a <state> voucher is refused with <code>
    Given a <state> voucher "V1" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "<code>"
    And voucher "V1" is exactly as it was

    Examples:
      | state      | code               |
      | prepared   | voucher_not_active |
      | activating | voucher_not_active |
      | expired    | voucher_expired    |
      | canceled   | voucher_canceled   |

  Scenario: Paying with a redeemed voucher is refused: it is redeemed, and nothing is left to spend
    Given a redeemed voucher "V1" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with one of "voucher_redeemed, insufficient_balance"
    And voucher "V1" is exactly as it was

  @capability:two-phase-sale
  Scenario Outline: Selling a voucher that is <state> again is refused
    Given a <state> voucher "V1" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 adds voucher "V1" to a sale receipt
    Then the sale is refused with one of "illegal_transition, voucher_expired, voucher_canceled"
    And voucher "V1" is exactly as it was

    Examples:
      | state      |
      | activating |
      | activated  |
      | redeemed   |

  @capability:two-phase-sale
  Scenario: Cancelling the sale receipt of a sold voucher is refused
    Given an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 cancels the sale receipt of voucher "V1"
    Then the cancellation is refused with "illegal_transition"
    And the refusal names the state "activated" and the action "cancelSale"
    And voucher "V1" is exactly as it was

  Scenario: A voucher that does not exist is not found
    Given a voucher "GHOST" that was never issued
    When the cashier at POS 1 pays 5.00 EUR with voucher "GHOST"
    Then the payment is refused with "not_found"
