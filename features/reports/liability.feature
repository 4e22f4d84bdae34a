@req:RP-03 @capability:reports
Feature: Outstanding liability
  The outstanding liability is the sum of the balances customers can still spend: what a payment took is
  no longer owed, what a refund gives back is owed again. Each scenario asks for the liability of its
  own voucher type, never for the tenant's total, which other scenarios on a shared tenant change.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 50.00 EUR
    And an activated voucher "V2" of type "GIFT" worth 30.00 EUR

  Scenario: Payments lower the liability by what they took
    Given the outstanding liability of voucher type "GIFT" as it stands
    When the cashier at POS 1 pays 12.50 EUR with voucher "V1"
    And the web shop pays 30.00 EUR with voucher "V2"
    Then the outstanding liability of voucher type "GIFT" is 37.50 EUR over 1 voucher
    And since then the outstanding liability of voucher type "GIFT" fell by 42.50 EUR and 1 voucher

  @capability:redemption-refund
  Scenario: What a refund gives back is owed again
    Given the cashier at POS 1 pays 30.00 EUR with voucher "V1" on receipt "R-100"
    When the cashier at POS 1 refunds 10.00 EUR of the payment on receipt "R-100"
    Then the refund is accepted
    And the outstanding liability of voucher type "GIFT" is 60.00 EUR over 2 vouchers
