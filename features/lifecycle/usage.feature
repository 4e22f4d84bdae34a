@req:LC-07 @req:LC-10
Feature: One-time and reusable vouchers, and their usage status
  A one-time voucher is redeemed after its first use, whatever amount is left. A reusable voucher is
  redeemed once its balance reaches zero. The register sees the usage status: not-redeemed (never used),
  in-use (partly used) or redeemed (fully used); with top-ups a fully used voucher stays in use.

  @req:LC-07 @capability:one-time-vouchers
  Scenario: A one-time voucher is redeemed after its first use
    Given a one-time voucher type "ONCE"
    And an activated voucher "V1" of type "ONCE" worth 20.00 EUR
    When the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    Then the payment is accepted
    And voucher "V1" is redeemed
    And the usage status of voucher "V1" is "redeemed"

  @req:LC-07 @req:LC-13 @capability:one-time-vouchers
  Scenario: A one-time voucher cannot pay twice
    Given a one-time voucher type "ONCE"
    And an activated voucher "V1" of type "ONCE" worth 20.00 EUR
    And the cashier at POS 1 pays 5.00 EUR with voucher "V1"
    When the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_redeemed"
    And voucher "V1" is exactly as it was

  @req:LC-07 @req:RD-05 @capability:one-time-vouchers @capability:redemption-refund
  Scenario: A one-time voucher partly refunded cannot pay again
    Given a one-time voucher type "ONCE"
    And an activated voucher "V1" of type "ONCE" worth 20.00 EUR
    And the cashier at POS 1 pays 5.00 EUR with voucher "V1" on receipt "R-1"
    And the cashier at POS 1 refunds 2.00 EUR of the payment on receipt "R-1"
    When the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_redeemed"
    And voucher "V1" is redeemed
    And voucher "V1" has a balance of 17.00 EUR

  @req:LC-07
  Scenario: A reusable voucher pays several times until its balance is zero
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 pays 12.00 EUR with voucher "V1"
    And the web shop pays 8.00 EUR with voucher "V1"
    Then the payment is accepted
    And voucher "V1" has a balance of 0.00 EUR
    And voucher "V1" is redeemed

  @req:LC-10
  Scenario Outline: The usage status follows the payments: <after>
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 pays <amount> with voucher "V1"
    Then the usage status of voucher "V1" is "<usage>"

    Examples:
      | after        | amount    | usage    |
      | partial use  | 5.00 EUR  | in-use   |
      | full use     | 20.00 EUR | redeemed |

  @req:LC-10
  Scenario: A voucher never used is not redeemed
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR
    Then the usage status of voucher "V1" is "not-redeemed"

  @req:LC-10 @req:LC-11 @capability:top-up
  Scenario: With top-ups a fully used voucher stays in use
    Given a reusable top-up voucher type "CARD"
    And an activated voucher "V1" of type "CARD" worth 20.00 EUR
    When the cashier at POS 1 pays 20.00 EUR with voucher "V1"
    Then voucher "V1" has a balance of 0.00 EUR
    And the usage status of voucher "V1" is "in-use"
