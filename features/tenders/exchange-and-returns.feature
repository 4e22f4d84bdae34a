@capability:tenders
Feature: Tender exchange and refunds on returns
  A cashier may exchange one tender into another only along the TenderAdjustmentRule pairs; one tender
  may have several. The seed's example: cash may be exchanged into Canadian dollars and into Mexican
  pesos. When a return is based on an original receipt, the tenders that may refund it are those that a
  TenderSaleReturnRule leads to from a tender of the original receipt. The seed's example: a receipt
  paid in cash (ZTCS) may be refunded to a gift card (ZTVO).

  Background:
    Given the tenders:
      | tender | class | currency | description     |
      | ZTCS   | BA    | USD      | Cash            |
      | ZTVO   | GC    | USD      | Gift card       |
      | ZTKR   | CR    | USD      | Credit          |
      | ZTCD   | BA    | CAD      | Canadian Dollar |
      | ZTMX   | BA    | MXN      | Mexican Peso    |

  Rule: Exchange only along the configured pairs

    Background:
      Given the tender exchange rules:
        | from | to   |
        | ZTCS | ZTCD |
        | ZTCS | ZTMX |

    @req:TA-08
    Scenario Outline: Cash may be exchanged into Canadian dollars and into Mexican pesos
      When the cashier asks to exchange "ZTCS" into "<to>"
      Then the exchange is allowed

      Examples:
        | to   |
        | ZTCD |
        | ZTMX |

    @req:TA-08 @req:TA-12
    Scenario Outline: No exchange without a rule: <case>
      When the cashier asks to exchange "<from>" into "<to>"
      Then the exchange is refused by "TA-08"

      Examples:
        | case                                   | from | to   |
        | Canadian dollars back into cash        | ZTCD | ZTCS |
        | cash into a gift card                  | ZTCS | ZTVO |
        | into a tender the back office never set | ZTCS | ZTQQ |

  Rule: Refunds follow the tenders of the original receipt

    Background:
      Given the tender return rules:
        | tender on the original receipt | tender on the return |
        | ZTCS                           | ZTVO                 |

    @req:TA-09 @req:TA-12
    Scenario: A receipt paid in cash is refunded to a gift card, and to nothing else
      Only what is stored is allowed: not even cash itself, for want of a ZTCS → ZTCS rule.

      When the cashier asks which tenders this receipt may use:
        | transaction type                  | RT         |
        | total                             | -25.00 USD |
        | paid with on the original receipt | ZTCS       |
      Then the tenders are:
        | tender | allowed | refused by |
        | ZTVO   | yes     |            |
        | ZTCS   | no      | TA-09      |
        | ZTKR   | no      | TA-09      |
        | ZTCD   | no      | TA-09      |
        | ZTMX   | no      | TA-09      |
      And the refusal of tender "ZTCS" by "TA-09" mentions "ZTCS"

    @req:TA-09
    Scenario: The rule is read one way only: a receipt paid by gift card is not refunded in cash
      When the cashier asks which tenders this receipt may use:
        | transaction type                  | RT         |
        | total                             | -25.00 USD |
        | paid with on the original receipt | ZTVO       |
      Then the receipt may be paid only with ""

    @req:TA-09
    Scenario: A receipt paid with two tenders: what either of them leads to
      Given the tender return rules:
        | tender on the original receipt | tender on the return |
        | ZTKR                           | ZTKR                 |
      When the cashier asks which tenders this receipt may use:
        | transaction type                  | RT         |
        | total                             | -40.00 USD |
        | paid with on the original receipt | ZTCS, ZTKR |
      Then the receipt may be paid only with "ZTVO, ZTKR"

    @req:TA-09
    Scenario: A return without an original receipt is not held to the return rules
      When the cashier asks which tenders this receipt may use:
        | transaction type | RT         |
        | total            | -25.00 USD |
      Then the receipt may be paid only with "ZTCS, ZTVO, ZTKR, ZTCD, ZTMX"
