@capability:tenders
Feature: Tenders by customer group, and the default group for receipts without a customer
  Tenders are gathered in customer tender groups. A customer group whose AllowedTermsOfPayments names a
  tender group may pay only with that group's tenders, when the switch checkCustomerGroupTender is on.
  A receipt without a customer may use only the tenders of the group marked DefaultFlag. A tender joins
  a group from its TimeStampEffective on. The seed's example: customer 0000010014 belongs to customer
  group CR, whose allowed tender group CREDIT holds only credit (ZTKR); the DEFAULT group holds only cash.

  Background:
    Given the tenders:
      | tender | class | currency | description     |
      | ZTCS   | BA    | EUR      | Cash            |
      | ZTVO   | GC    | EUR      | Gift card       |
      | ZTKR   | CR    | EUR      | Credit          |
      | ZTCD   | BA    | CAD      | Canadian Dollar |
      | ZTMX   | BA    | MXN      | Mexican Peso    |
    And the customer tender groups:
      | group   | description | default |
      | CREDIT  | Credit      | no      |
      | DEFAULT | Default     | yes     |
    And the tenders of the customer tender groups:
      | group   | tender | effective from       |
      | CREDIT  | ZTKR   | 2014-01-01T00:00:00Z |
      | DEFAULT | ZTCS   | 2014-01-01T00:00:00Z |
    And the customer groups:
      | customer group | name   | allowed terms of payment |
      | CR             | Credit | CREDIT                   |
    And the customers:
      | customer   | customer groups |
      | 0000010014 | CR              |
    And the switch checkCustomerGroupTender is on

  @req:TA-02 @req:TA-12
  Scenario: A customer of group CR pays only with the tenders of group CREDIT
    When the cashier asks which tenders this receipt may use:
      | transaction type | SA         |
      | total            | 80.00 EUR  |
      | customer         | 0000010014 |
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTKR   | yes     |            |
      | ZTCS   | no      | TA-02      |
      | ZTVO   | no      | TA-02      |
      | ZTCD   | no      | TA-02      |
      | ZTMX   | no      | TA-02      |
    And the refusal of tender "ZTCS" by "TA-02" mentions "ZTCS, CREDIT"

  @req:TA-02
  Scenario: The customer group may also come with the receipt itself
    When the web shop asks which tenders this receipt may use:
      | total           | 80.00 EUR |
      | customer groups | CR        |
    Then the receipt may be paid only with "ZTKR"

  @req:TA-02
  Scenario: With checkCustomerGroupTender off, the customer's group restricts nothing
    Given the switch checkCustomerGroupTender is off
    When the cashier asks which tenders this receipt may use:
      | customer | 0000010014 |
    Then the receipt may be paid only with "ZTCS, ZTVO, ZTKR, ZTCD, ZTMX"

  @req:TA-02
  Scenario: A customer in two restricting groups may use the tenders of either (union, DOMAIN.md interpretation)
    Given the customer tender groups:
      | group | description |
      | STAFF | Staff       |
    And the tenders of the customer tender groups:
      | group | tender |
      | STAFF | ZTVO   |
    And the customer groups:
      | customer group | name  | allowed terms of payment |
      | ST             | Staff | STAFF                    |
    And the customers:
      | customer   | customer groups |
      | 0000010015 | CR, ST          |
    When the cashier asks which tenders this receipt may use:
      | customer | 0000010015 |
    Then the receipt may be paid only with "ZTKR, ZTVO"

  @req:TA-02
  Scenario: A customer group whose tender group holds no tender may pay with none of them
    A tender group may be imported before any tender joins it; its customers are refused every tender,
    each refusal naming the rule, rather than the question failing.

    Given the customer tender groups:
      | group | description |
      | NONE  | Not yet     |
    And the customer groups:
      | customer group | name    | allowed terms of payment |
      | NG             | Nothing | NONE                     |
    And the customers:
      | customer   | customer groups |
      | 0000010016 | NG              |
    When the cashier asks which tenders this receipt may use:
      | customer | 0000010016 |
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | no      | TA-02      |
      | ZTVO   | no      | TA-02      |
      | ZTKR   | no      | TA-02      |
      | ZTCD   | no      | TA-02      |
      | ZTMX   | no      | TA-02      |

  @req:TA-04
  Scenario: A receipt without a customer closes only with cash, the one tender of the DEFAULT group
    When the cashier asks which tenders a sale of 12.50 EUR may use
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | yes     |            |
      | ZTVO   | no      | TA-04      |
      | ZTKR   | no      | TA-04      |
      | ZTCD   | no      | TA-04      |
      | ZTMX   | no      | TA-04      |

  @req:TA-04
  Scenario: The default group holds whatever checkCustomerGroupTender says (DOMAIN.md interpretation)
    The seed ties that switch to customer groups only, not to the default group.

    Given the switch checkCustomerGroupTender is off
    When the cashier asks which tenders a sale of 12.50 EUR may use
    Then the receipt may be paid only with "ZTCS"

  @req:TA-04
  Scenario: A customer outside every restricting group is not held to the default group
    When the cashier asks which tenders this receipt may use:
      | customer | 0000099999 |
    Then the receipt may be paid only with "ZTCS, ZTVO, ZTKR, ZTCD, ZTMX"

  @req:TA-03 @req:TA-02 @req:TA-12
  Scenario: A gift card joins group CREDIT only from its effective time on
    Given the tenders of the customer tender groups:
      | group  | tender | effective from       |
      | CREDIT | ZTVO   | 2030-01-01T00:00:00Z |
    When the cashier asks which tenders this receipt may use:
      | customer | 0000010014           |
      | at       | 2029-12-31T23:59:59Z |
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTKR   | yes     |            |
      | ZTVO   | no      | TA-03      |
      | ZTCS   | no      | TA-02      |
      | ZTCD   | no      | TA-02      |
      | ZTMX   | no      | TA-02      |
    And the refusal of tender "ZTVO" by "TA-03" mentions "ZTVO, CREDIT"
    When the cashier asks which tenders this receipt may use:
      | customer | 0000010014           |
      | at       | 2030-01-01T00:00:00Z |
    Then the receipt may be paid only with "ZTKR, ZTVO"

  @req:TA-03 @req:TA-04
  Scenario: A tender not yet effective in the DEFAULT group does not yet pay receipts without a customer
    Given the tenders of the customer tender groups:
      | group   | tender | effective from       |
      | DEFAULT | ZTVO   | 2030-01-01T00:00:00Z |
    When the cashier asks which tenders this receipt may use:
      | total | 12.50 EUR            |
      | at    | 2029-06-01T12:00:00Z |
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | yes     |            |
      | ZTVO   | no      | TA-03      |
      | ZTKR   | no      | TA-04      |
      | ZTCD   | no      | TA-04      |
      | ZTMX   | no      | TA-04      |
