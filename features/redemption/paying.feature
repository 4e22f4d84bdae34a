@req:RD-01 @req:RD-03
Feature: Paying with a voucher
  A voucher pays part or all of a receipt as a tender of its own. It never pays more than its balance:
  a payment beyond it is refused with the amount still available, and nothing changes.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  @req:RD-01
  Scenario Outline: The voucher pays <what> of the receipt
    When the cashier at POS 1 pays <amount> with voucher "V1"
    Then the payment is accepted
    And the payment took <amount>
    And voucher "V1" has a balance of <left>

    Examples:
      | what       | amount    | left      |
      | part       | 11.90 EUR | 8.10 EUR  |
      | all        | 20.00 EUR | 0.00 EUR  |
      | one cent   | 0.01 EUR  | 19.99 EUR |

  @req:RD-03
  Scenario: A payment beyond the balance is refused with the available amount and changes nothing
    Given the cashier at POS 1 pays 15.00 EUR with voucher "V1"
    When the web shop pays 10.00 EUR with voucher "V1"
    Then the payment is refused with "insufficient_balance"
    And the refusal gives 5.00 EUR as available
    And voucher "V1" is exactly as it was
    And voucher "V1" has a balance of 5.00 EUR

  @req:RD-03
  Scenario: One cent too much is refused
    When the cashier at POS 1 pays 20.01 EUR with voucher "V1"
    Then the payment is refused with "insufficient_balance"
    And the refusal gives 20.00 EUR as available
    And voucher "V1" is exactly as it was

  @capability:one-step-redeem
  Scenario: Systems without holds redeem in one step
    When the cashier at POS 1 redeems 7.50 EUR from voucher "V1" in one step
    Then the redemption is accepted
    And voucher "V1" has a balance of 12.50 EUR

  @capability:one-step-redeem @req:RD-03
  Scenario: A one-step redemption beyond the balance is refused
    When the cashier at POS 1 redeems 25.00 EUR from voucher "V1" in one step
    Then the redemption is refused with "insufficient_balance"
    And the refusal gives 20.00 EUR as available
    And voucher "V1" is exactly as it was
