@capability:tenders
Feature: Blocked and exclusive tenders
  The back office can block a tender for use at the till altogether (BlockingFlag). And once a receipt
  holds a tender marked exclusive (ExclusiveFlag), such as a customer card, it is the only tender that
  receipt may use. Every refusal names the rule that refused the tender, so the cashier sees why.

  Background:
    Given the tenders:
      | tender | class | currency | description   | blocking | exclusive |
      | ZTCS   | BA    | EUR      | Cash          | no       | no        |
      | ZTVO   | GC    | EUR      | Gift card     | no       | no        |
      | ZTCC   | CC    | EUR      | Customer card | no       | yes       |
      | ZTCH   | CH    | EUR      | Cheque        | yes      | no        |

  @req:TA-01 @req:TA-12
  Scenario: A blocked tender is refused on a sale; every other tender may pay
    When the cashier asks which tenders a sale of 25.00 EUR may use
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | yes     |            |
      | ZTVO   | yes     |            |
      | ZTCC   | yes     |            |
      | ZTCH   | no      | TA-01      |
    And the refusal of tender "ZTCH" by "TA-01" mentions "ZTCH"

  @req:TA-01
  Scenario: A blocked tender cannot be exchanged into, even where an exchange rule names it
    Given the tender exchange rules:
      | from | to   |
      | ZTCS | ZTCH |
    When the cashier asks to exchange "ZTCS" into "ZTCH"
    Then the exchange is refused by "TA-01"

  @req:TA-01 @req:TA-09
  Scenario: A blocked tender cannot refund a return, even where a return rule leads to it
    Given the tender return rules:
      | tender on the original receipt | tender on the return |
      | ZTCS                           | ZTCH                 |
      | ZTCS                           | ZTCS                 |
    When the cashier asks which tenders this receipt may use:
      | transaction type                  | RT         |
      | total                             | -25.00 EUR |
      | paid with on the original receipt | ZTCS       |
    Then the tenders are:
      | tender | allowed | refused by |
      | ZTCS   | yes     |            |
      | ZTVO   | no      | TA-09      |
      | ZTCC   | no      | TA-09      |
      | ZTCH   | no      | TA-01      |

  @req:TA-05 @req:TA-12
  Scenario: Once the customer card is on the receipt, no other tender may be added
    When the cashier asks which tenders this receipt may use:
      | transaction type       | SA        |
      | total                  | 40.00 EUR |
      | tenders on the receipt | ZTCC      |
    Then the tenders are:
      | tender | allowed | refused by   |
      | ZTCC   | yes     |              |
      | ZTCS   | no      | TA-05        |
      | ZTVO   | no      | TA-05        |
      | ZTCH   | no      | TA-01, TA-05 |
    And the refusal of tender "ZTVO" by "TA-05" mentions "ZTCC"

  @req:TA-05
  Scenario: An exclusive tender not yet on the receipt does not refuse the cash already on it
    The seed speaks only of a receipt that already holds the exclusive tender (DOMAIN.md TA-05).

    When the web shop asks which tenders this receipt may use:
      | transaction type       | SA        |
      | total                  | 40.00 EUR |
      | tenders on the receipt | ZTCS      |
    Then the receipt may be paid only with "ZTCS, ZTVO, ZTCC"
