@req:RP-04 @capability:reports
Feature: The uses of a voucher
  Every use of a voucher is listed with its receipt number, date, products, receipt amount, the amount
  the voucher paid and where it was used. The scenario reads the uses of its own vouchers only.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 50.00 EUR

  Scenario: Each use shows its receipt, products, amounts and place
    When the cashier at POS 2 pays 30.00 EUR with voucher "V1" on receipt "R-100" for:
      | product | quantity | amount    |
      | SHOES   | 1        | 45.00 EUR |
      | SOCKS   | 2        | 10.00 EUR |
    And the web shop pays 5.00 EUR with voucher "V1" on receipt "W-7"
    Then the uses report lists 2 uses of voucher "V1"
    And the uses report shows the payment on receipt "R-100":
      | voucher        | V1           |
      | voucher amount | 30.00 EUR    |
      | receipt amount | 55.00 EUR    |
      | products       | SHOES, SOCKS |
      | store          | S1           |
      | register       | POS2         |
      | channel        | pos          |
    And the uses report shows the payment on receipt "W-7":
      | voucher        | V1       |
      | voucher amount | 5.00 EUR |
      | store          | WEB      |
      | register       | WEB1     |
      | channel        | webshop  |

  Scenario: The uses of one voucher are that voucher's only
    Given an activated voucher "V2" of type "GIFT" worth 20.00 EUR
    When the cashier at POS 1 pays 10.00 EUR with voucher "V1" on receipt "R-300"
    And the web shop pays 5.00 EUR with voucher "V2" on receipt "W-9"
    Then the uses report lists 1 use of voucher "V1"
    And the uses report lists 1 use of voucher "V2"

  @capability:test-control
  Scenario: The uses of a period are those made in it
    Given the cashier at POS 1 pays 10.00 EUR with voucher "V1" on receipt "R-400"
    And 2 days pass
    When the web shop pays 5.00 EUR with voucher "V1" on receipt "W-11"
    Then the uses report of voucher "V1" from 1 day after the use on receipt "R-400" lists only receipt "W-11"
    And the uses report of voucher "V1" up to 1 day after the use on receipt "R-400" lists only receipt "R-400"

  @capability:redemption-refund
  Scenario: A use shows what was refunded of it
    Given the cashier at POS 1 pays 30.00 EUR with voucher "V1" on receipt "R-200"
    When the cashier at POS 1 refunds 12.00 EUR of the payment on receipt "R-200"
    Then the refund is accepted
    And the uses report shows the payment on receipt "R-200":
      | voucher amount | 30.00 EUR |
      | refunded       | 12.00 EUR |
