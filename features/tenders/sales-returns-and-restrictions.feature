@capability:tenders
Feature: Tenders for sales or returns, and restrictions by transaction and line item type
  SaleReturnTypeCode says whether a tender may pay sales (positive receipt total), returns (negative
  total) or both. Restriction rules forbid a tender for a transaction type, or for documents holding a
  line item type. The seed's example rule for cash names both, the sale (SA) and the pay-in item (PI):
  "a pay-in item is not allowed for a sales transaction". DOMAIN.md reads a rule naming both codes as
  forbidding the tender only when both match; a rule naming one code forbids on that code alone.

  @req:TA-06
  Scenario Outline: A <kind> receipt: sales-only and returns-only tenders by the sign of the total
    Given the tenders:
      | tender | currency | description   | sale/return       |
      | ZTCS   | EUR      | Cash          | SALES_AND_RETURNS |
      | ZTKR   | EUR      | Credit        | SALES             |
      | ZTRT   | EUR      | Refund cheque | RETURNS           |
    When the cashier asks which tenders this receipt may use:
      | transaction type | <type>  |
      | total            | <total> |
    Then the tenders are:
      | tender | allowed  | refused by    |
      | ZTCS   | yes      |               |
      | ZTKR   | <credit> | <credit rule> |
      | ZTRT   | <refund> | <refund rule> |

    Examples:
      | kind                               | type | total      | credit | credit rule | refund | refund rule |
      | sale                               | SA   | 25.00 EUR  | yes    |             | no     | TA-06       |
      | return                             | RT   | -25.00 EUR | no     | TA-06       | yes    |             |
      | zero-total (neither sale nor return) | SA | 0.00 EUR   | no     | TA-06       | no     | TA-06       |

  Rule: Restriction rules

    Background:
      Given the tenders:
        | tender | class | currency | description |
        | ZTCS   | BA    | EUR      | Cash        |
        | ZTVO   | GC    | EUR      | Gift card   |
        | ZTKR   | CR    | EUR      | Credit      |
      And the tender restriction rules:
        | tender | forbidden transaction type | forbidden line item type |
        | ZTCS   | SA                         | PI                       |
        | ZTVO   | RT                         |                          |
        | ZTKR   |                            | PI                       |

    @req:TA-07 @req:TA-12
    Scenario: A pay-in item on a sale: the seed's rule forbids cash
      When the cashier asks which tenders this receipt may use:
        | transaction type | SA        |
        | line items       | SI, PI    |
        | total            | 30.00 EUR |
      Then the tenders are:
        | tender | allowed | refused by |
        | ZTCS   | no      | TA-07      |
        | ZTVO   | yes     |            |
        | ZTKR   | no      | TA-07      |
      And the refusal of tender "ZTCS" by "TA-07" mentions "SA, PI"

    @req:TA-07
    Scenario: A sale without a pay-in item: the rule naming both codes does not match (DOMAIN.md interpretation)
      When the cashier asks which tenders this receipt may use:
        | transaction type | SA        |
        | line items       | SI        |
        | total            | 30.00 EUR |
      Then the receipt may be paid only with "ZTCS, ZTVO, ZTKR"

    @req:TA-07
    Scenario: A pay-in item on a pay-out: only the rule naming the line item type alone forbids (DOMAIN.md interpretation)
      When the cashier asks which tenders this receipt may use:
        | transaction type | PO        |
        | line items       | PI        |
        | total            | 30.00 EUR |
      Then the tenders are:
        | tender | allowed | refused by |
        | ZTCS   | yes     |            |
        | ZTVO   | yes     |            |
        | ZTKR   | no      | TA-07      |

    @req:TA-07
    Scenario: A forbidden transaction type alone forbids the gift card on a return
      When the cashier asks which tenders this receipt may use:
        | transaction type | RT        |
        | total            | -5.00 EUR |
      Then the tenders are:
        | tender | allowed | refused by |
        | ZTCS   | yes     |            |
        | ZTVO   | no      | TA-07      |
        | ZTKR   | yes     |            |
