@req:RP-02 @capability:reports
Feature: Vouchers issued, sold, used and returned, over time and by place
  The back office counts the vouchers issued, sold, used and returned per day, month, quarter and year,
  by store, by register and by legal entity. Each scenario works at stores of its own and compares what
  their counts grew by while it acted, so other scenarios on a shared tenant never disturb it. A system
  may count its days in its own time zone.

  Background:
    Given a reusable voucher type "GIFT"
    And these stores:
      | store | legal entity |
      | NORTH | ACME         |
      | SOUTH | ACME         |

  @capability:templates @capability:two-phase-sale
  Scenario Outline: Issues, sales and uses are counted per <period> where they happened
    Given a template "BATCH" of voucher type "GIFT" with capacity 10
    And the activity per <period> by store, register and legal entity as it stands
    When the back office of store "NORTH" issues 3 vouchers of 20.00 EUR from template "BATCH"
    And the back office of store "SOUTH" issues 2 vouchers of 20.00 EUR from template "BATCH"
    And the cashier at POS 1 of store "NORTH" sells vouchers "BATCH#1 and BATCH#2" on one receipt
    And the cashier at POS 2 of store "NORTH" sells vouchers "BATCH#3" on one receipt
    And the cashier at POS 1 of store "SOUTH" sells vouchers "BATCH#4" on one receipt
    And the cashier at POS 1 of store "SOUTH" pays 5.00 EUR with voucher "BATCH#1"
    And the cashier at POS 2 of store "NORTH" pays 20.00 EUR with voucher "BATCH#3"
    Then since then the activity per <period> by store counts:
      | store | issued | sold | used | returned |
      | NORTH | 3      | 3    | 1    | 0        |
      | SOUTH | 2      | 1    | 1    | 0        |
    And since then the activity per <period> by register counts:
      | register       | issued | sold | used | returned |
      | POS 1 of NORTH | 0      | 2    | 0    | 0        |
      | POS 2 of NORTH | 0      | 1    | 1    | 0        |
      | POS 1 of SOUTH | 0      | 1    | 1    | 0        |
    And since then the activity per <period> by legal entity counts:
      | legal entity | issued | sold | used | returned |
      | ACME         | 5      | 4    | 2    | 0        |

    Examples:
      | period  |
      | day     |
      | month   |
      | quarter |
      | year    |

  @capability:voucher-refund
  Scenario: A returned voucher is counted where it was returned
    Given an activated voucher "V1" of type "GIFT" worth 30.00 EUR
    And the activity per day by store, register and legal entity as it stands
    When the cashier at POS 2 of store "NORTH" opens a return document for voucher "V1"
    And the cashier at POS 2 of store "NORTH" closes the return document of voucher "V1" with the voucher refunded
    Then since then the activity per day by store counts:
      | store | issued | sold | used | returned |
      | NORTH | 0      | 0    | 0    | 1        |
    And since then the activity per day by register counts:
      | register       | issued | sold | used | returned |
      | POS 2 of NORTH | 0      | 0    | 0    | 1        |
    And since then the activity per day by legal entity counts:
      | legal entity | issued | sold | used | returned |
      | ACME         | 0      | 0    | 0    | 1        |

  @capability:redemption-refund
  Scenario: A refund of a payment is not a returned voucher
    Given an activated voucher "V1" of type "GIFT" worth 40.00 EUR
    And the cashier at POS 1 pays 15.00 EUR with voucher "V1" on receipt "R-1"
    And the activity per day by store, register and legal entity as it stands
    When the cashier at POS 1 of store "SOUTH" refunds 5.00 EUR of the payment on receipt "R-1"
    Then the refund is accepted
    And since then the activity per day by store counts:
      | store | issued | sold | used | returned |
      | SOUTH | 0      | 0    | 0    | 0        |

  @capability:test-control
  Scenario: The activity of a period counts what was done in it, and nothing outside it
    Given an activated voucher "V1" of type "GIFT" worth 50.00 EUR
    And the cashier at POS 1 of store "NORTH" pays 5.00 EUR with voucher "V1" on receipt "R-1"
    And 2 days pass
    When the cashier at POS 1 of store "NORTH" pays 7.00 EUR with voucher "V1" on receipt "R-2"
    And the cashier at POS 1 of store "NORTH" pays 3.00 EUR with voucher "V1" on receipt "R-3"
    Then the activity per day by store from 1 day after the use on receipt "R-1" counts:
      | store | used |
      | NORTH | 2    |
    And the activity per day by store up to 1 day after the use on receipt "R-1" counts:
      | store | used |
      | NORTH | 1    |

  Scenario: The activity asked without grouping is the tenant's, in no group
    Given an activated voucher "V1" of type "GIFT" worth 50.00 EUR
    And the cashier at POS 1 of store "NORTH" pays 5.00 EUR with voucher "V1" on receipt "R-1"
    Then the activity per day without grouping counts in no group
