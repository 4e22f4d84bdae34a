@req:LC-12 @req:LC-04
Feature: Balance inquiry
  At the register a cashier asks for a voucher's type, initial denomination, current balance, state and
  the product code it was sold with. The denomination is fixed at issue.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 50.00 EUR

  @req:LC-12 @capability:templates
  Scenario: The inquiry shows type, denomination, balance, state and product code
    Given the cashier at POS 1 pays 12.50 EUR with voucher "V1"
    When the cashier at POS 2 asks for the balance of voucher "V1"
    Then the balance inquiry shows:
      | type         | GIFT      |
      | product code | yes       |
      | denomination | 50.00 EUR |
      | balance      | 37.50 EUR |
      | state        | activated |
      | usage        | in-use    |

  @req:LC-12
  Scenario: The web shop asks too
    When the web shop asks for the balance of voucher "V1"
    Then the balance inquiry shows:
      | balance | 50.00 EUR |
      | state   | activated |

  @req:LC-04 @capability:validity-change
  Scenario: The denomination cannot be changed after issue
    When the back office tries to change the denomination of voucher "V1" to 100.00 EUR
    Then the change is refused with "validation_failed"
    And voucher "V1" still has its denomination of 50.00 EUR
    And voucher "V1" is exactly as it was

  @req:LC-04
  Scenario: Paying lowers the balance, never the denomination
    When the cashier at POS 1 pays 20.00 EUR with voucher "V1"
    Then voucher "V1" has a balance of 30.00 EUR
    And voucher "V1" still has its denomination of 50.00 EUR
