@req:CH-01
Feature: Many POS and a web shop share one central voucher service
  POS terminals in many stores and the web shop use the same vouchers at the same time; every rule holds
  across channels.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 30.00 EUR

  Scenario: A voucher used in a store is seen at once by the web shop
    Given the cashier at POS 1 pays 25.00 EUR with voucher "V1"
    When the web shop asks for the balance of voucher "V1"
    Then the balance inquiry shows:
      | balance | 5.00 EUR |
    When the web shop pays 10.00 EUR with voucher "V1"
    Then the payment is refused with "insufficient_balance"
    And the refusal gives 5.00 EUR as available

  @req:RD-03 @req:CC-05 @capability:ledger
  Scenario: Many registers and the web shop pay at the same moment; never more than the balance
    When at the same time:
      | actor    | action | amount    | voucher |
      | POS 1    | pays   | 10.00 EUR | V1      |
      | POS 2    | pays   | 10.00 EUR | V1      |
      | POS 3    | pays   | 10.00 EUR | V1      |
      | POS 4    | pays   | 10.00 EUR | V1      |
      | web shop | pays   | 10.00 EUR | V1      |
    Then 3 of them are accepted and 2 are refused with "insufficient_balance, voucher_in_use, voucher_redeemed"
    And voucher "V1" has a balance of 0.00 EUR
    And the ledger of voucher "V1" adds up to its balance
