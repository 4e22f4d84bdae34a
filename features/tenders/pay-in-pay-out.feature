@capability:tenders
Feature: Tenders and limits for pay-ins and pay-outs
  Every pay-in or pay-out item has a reason. With the switch checkReasonTender on, only the tenders
  assigned to that reason (ReasonTender) may be used. A reason with the parameter LIMIT caps the amount
  of the item. The seed's examples: reason 6301 (change of pay-out) allows cash; reason 6302 (petty cash)
  has LIMIT 1000, which DOMAIN.md reads as 1000 in the major unit of the amount's currency, the limit
  itself allowed ("must not exceed").

  Background:
    Given the tenders:
      | tender | class | currency | description |
      | ZTCS   | BA    | EUR      | Cash        |
      | ZTVO   | GC    | EUR      | Gift card   |
      | ZTKR   | CR    | EUR      | Credit      |
    And the reasons:
      | reason | reason group | description                | limit |
      | 6301   | E            | Wechselgeld von Auszahlung |       |
      | 6302   | E            | Portokasse                 | 1000  |
    And the reason tenders:
      | reason | reason group | tender |
      | 6301   | E            | ZTCS   |
      | 6302   | E            | ZTCS   |
    And the switch checkReasonTender is on

  @req:TA-10 @req:TA-12
  Scenario: A pay-in for reason 6301 may be made in cash only
    When the cashier asks which tenders a pay-in of 50.00 EUR for reason "6301" may use
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | yes     |            |
      | ZTVO   | no      | TA-10      |
      | ZTKR   | no      | TA-10      |
    And the refusal of tender "ZTVO" by "TA-10" mentions "ZTVO, 6301"

  @req:TA-10
  Scenario: The reason's group must match when the receipt gives it
    When the cashier asks which tenders a pay-out of 50.00 EUR for reason "6301" of group "E" may use
    Then the receipt may be paid only with "ZTCS"
    When the cashier asks which tenders a pay-out of 50.00 EUR for reason "6301" of group "X" may use
    Then the receipt may be paid only with ""

  @req:TA-10
  Scenario: With checkReasonTender off, any tender may pay in
    Given the switch checkReasonTender is off
    When the cashier asks which tenders a pay-in of 50.00 EUR for reason "6301" may use
    Then the receipt may be paid only with "ZTCS, ZTVO, ZTKR"

  @req:TA-11
  Scenario Outline: A pay-in of <amount> for reason 6302 against its LIMIT of 1000
    When the cashier asks which tenders a pay-in of <amount> for reason "6302" may use
    Then the receipt may be paid only with "<allowed>"

    Examples:
      | amount      | allowed |
      | 999.99 EUR  | ZTCS    |
      | 1000.00 EUR | ZTCS    |
      | 1000.01 EUR |         |
      | 1000 JPY    | ZTCS    |
      | 1001 JPY    |         |

  @req:TA-11 @req:TA-10 @req:TA-12
  Scenario: Above the limit the item itself is refused, so every tender is, each naming all its rules
    When the cashier asks which tenders a pay-in of 1000.01 EUR for reason "6302" may use
    Then the tenders are:
      | tender | allowed | refused by   |
      | ZTCS   | no      | TA-11        |
      | ZTVO   | no      | TA-10, TA-11 |
      | ZTKR   | no      | TA-10, TA-11 |
    And the refusal of tender "ZTCS" by "TA-11" mentions "6302, 1000"

  @req:TA-11
  Scenario: The limit holds whatever checkReasonTender says, on a pay-out too
    Given the switch checkReasonTender is off
    When the cashier asks which tenders a pay-out of 1500.00 EUR for reason "6302" may use
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | no      | TA-11      |
      | ZTVO   | no      | TA-11      |
      | ZTKR   | no      | TA-11      |

  @req:TA-11
  Scenario: Reason 6301 has no limit
    When the cashier asks which tenders a pay-in of 9000000.00 EUR for reason "6301" may use
    Then the receipt may be paid only with "ZTCS"
