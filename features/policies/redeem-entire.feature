@req:CC-04 @capability:redeem-entire
Feature: Redeem entire voucher
  The workaround of the forum thread: a voucher is used once; when the amount due is smaller than the
  voucher, the remainder is paid out as a new voucher with a new id. A 20.00 voucher on an 11.90 receipt
  leaves a new 8.10 voucher.

  Background:
    Given a reusable voucher type "ENTIRE" with policy "redeem-entire"
    And an activated voucher "V1" of type "ENTIRE" worth 20.00 EUR

  @capability:ledger
  Scenario: 20.00 on an 11.90 receipt leaves a new voucher of 8.10
    When the cashier at POS 1 pays 11.90 EUR with voucher "V1"
    Then the payment is accepted
    And the payment took 11.90 EUR
    And the payment leaves a remainder voucher "REST" of 8.10 EUR
    And voucher "REST" is activated
    And voucher "V1" is redeemed
    And voucher "V1" has a balance of 0.00 EUR
    And the ledger of voucher "V1" adds up to its balance

  @capability:reports
  Scenario: The payment read back names its remainder voucher
    When the cashier at POS 1 pays 11.90 EUR with voucher "V1"
    Then the payment leaves a remainder voucher "REST" of 8.10 EUR
    And the payment read back names remainder voucher "REST"

  Scenario: The remainder voucher pays like any other
    Given the cashier at POS 1 pays 11.90 EUR with voucher "V1"
    And the payment leaves a remainder voucher "REST" of 8.10 EUR
    When the web shop pays 8.10 EUR with voucher "REST"
    Then the payment is accepted
    And voucher "REST" has a balance of 0.00 EUR

  Scenario: Paying the whole voucher leaves no remainder
    When the cashier at POS 1 pays 20.00 EUR with voucher "V1"
    Then the payment is accepted
    And the payment leaves no remainder voucher
    And voucher "V1" is redeemed

  Scenario: The voucher cannot be used a second time
    Given the cashier at POS 1 pays 11.90 EUR with voucher "V1"
    When the cashier at POS 2 pays 5.00 EUR with voucher "V1"
    Then the payment is refused with "voucher_redeemed"
    And voucher "V1" is exactly as it was

  @capability:holds
  Scenario: While one receipt holds the voucher, another is told it is in use
    Given the cashier at POS 1 holds 11.90 EUR of voucher "V1"
    When the web shop holds 5.00 EUR of voucher "V1"
    Then the hold is refused with "voucher_in_use"

  @req:CH-01 @req:RD-03 @req:CC-05 @capability:ledger
  Scenario: A POS and the web shop use the voucher at the same moment: it pays once
    When at the same time:
      | actor    | action | amount    | voucher |
      | POS 1    | pays   | 11.90 EUR | V1      |
      | web shop | pays   | 11.90 EUR | V1      |
    Then 1 of them is accepted and 1 is refused with "voucher_in_use, voucher_redeemed"
    And voucher "V1" has a balance of 0.00 EUR
    And the ledger of voucher "V1" adds up to its balance
