@req:RP-01 @capability:reports
Feature: The voucher report
  The back office sees each voucher with its number, type, denomination, state and balance: what was
  loaded onto it and what is left. The scenario looks up the rows of its own vouchers, wherever they are
  in a report that a shared tenant fills with many more.

  Scenario: Each voucher shows its denomination and what is left of it
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 50.00 EUR
    And an activated voucher "V2" of type "GIFT" worth 30.00 EUR
    When the cashier at POS 1 pays 12.50 EUR with voucher "V1"
    And the web shop pays 30.00 EUR with voucher "V2"
    Then the voucher report lists:
      | voucher | type | state     | denomination | balance   |
      | V1      | GIFT | activated | 50.00 EUR    | 37.50 EUR |
      | V2      | GIFT | redeemed  | 30.00 EUR    | 0.00 EUR  |
