@capability:tenders @req:TA-13
Feature: Importing the tender configuration
  The back office loads the tender configuration whole, either as the vendor's files (the XML shapes of
  the seed: TenderDO, CustomerTenderGroupDO, CustomerTenderGroupTenderDO, CustomerGroup, CustomerDO,
  TenderAdjustmentRuleDO, TenderSaleReturnRuleDO, ReasonTenderDO, Reason, and the switches of
  allowedTendersConfigs.properties) or in the plain JSON form. A configuration with problems is refused
  with every problem listed, and the one in force before stays in force.

  Scenario: The seed's configuration files are imported as the vendor ships them
    When the back office loads the vendor files from "seed":
      | file                             |
      | dc_import_Tender.xml             |
      | CustomerTenderGroup.xml          |
      | CustomerTenderGroupTender.xml    |
      | CustomerGroup.xml                |
      | Customer.xml                     |
      | TenderAdjustmentRule.xml         |
      | TenderSaleReturnRule.xml         |
      | Reason.xml                       |
      | allowedTendersConfigs.properties |
    Then the request is accepted
    And the tender configuration in force has:
      | tenders                | ZTCC, ZTCD, ZTCH, ZTCS, ZTKR, ZTMX, ZTVO    |
      | blocked tenders        | ZTCH                                        |
      | exclusive tenders      | ZTCC                                        |
      | sales-only tenders     | ZTKR                                        |
      | restriction rules      | ZTCS: SA PI                                 |
      | customer tender groups | CREDIT, DEFAULT                             |
      | default group          | DEFAULT                                     |
      | group tenders          | CREDIT: ZTKR, DEFAULT: ZTCS                 |
      | customer groups        | CR: CREDIT                                  |
      | customers              | 0000010014: CR                              |
      | exchange rules         | ZTCS → ZTCD, ZTCS → ZTMX                    |
      | return rules           | ZTCS → ZTVO                                 |
      | reason tenders         | 6301: ZTCS, 6302: ZTCS                      |
      | reason limits          | 6302: 1000                                  |
      | switches on            | checkCustomerGroupTender, checkReasonTender |

  @req:TA-02 @req:TA-04 @req:TA-01
  Scenario: The imported configuration decides at the till
    Given the back office has loaded the vendor files from "seed":
      | file                             |
      | dc_import_Tender.xml             |
      | CustomerTenderGroup.xml          |
      | CustomerTenderGroupTender.xml    |
      | CustomerGroup.xml                |
      | Customer.xml                     |
      | allowedTendersConfigs.properties |
    When the cashier asks which tenders a sale of 10.00 EUR may use
    Then the receipt may be paid only with "ZTCS"
    When the cashier asks which tenders this receipt may use:
      | customer | 0000010014 |
    Then the tenders are:
      | tender | allowed | refused by   |
      | ZTKR   | yes     |              |
      | ZTCS   | no      | TA-02        |
      | ZTVO   | no      | TA-02        |
      | ZTCD   | no      | TA-02        |
      | ZTMX   | no      | TA-02        |
      | ZTCC   | no      | TA-02        |
      | ZTCH   | no      | TA-01, TA-02 |

  Scenario: The configuration in force, loaded again in its JSON form, is the same configuration
    Given the back office has loaded the vendor files from "seed":
      | file                             |
      | dc_import_Tender.xml             |
      | CustomerTenderGroup.xml          |
      | CustomerTenderGroupTender.xml    |
      | CustomerGroup.xml                |
      | Customer.xml                     |
      | TenderAdjustmentRule.xml         |
      | TenderSaleReturnRule.xml         |
      | Reason.xml                       |
      | allowedTendersConfigs.properties |
    When the back office loads the tender configuration in force again, in its JSON form
    Then the request is accepted
    And the tender configuration in force is unchanged

  Scenario: The configuration in force lists each list in order of its key, whatever the order of the files
    The seed's dc_import_Tender.xml lists ZTCS first and ZTCH last. The configuration the service gives
    back has every list sorted by its key (a tender's type code, a group's code, ...), so that the same
    entries read the same however the files were ordered.

    When the back office loads the vendor files from "seed":
      | file                          |
      | dc_import_Tender.xml          |
      | CustomerTenderGroup.xml       |
      | CustomerTenderGroupTender.xml |
      | TenderAdjustmentRule.xml      |
    Then the request is accepted
    And the tender configuration in force lists, in this order:
      | tenders                | ZTCC, ZTCD, ZTCH, ZTCS, ZTKR, ZTMX, ZTVO |
      | customer tender groups | CREDIT, DEFAULT                          |
      | group tenders          | CREDIT: ZTKR, DEFAULT: ZTCS              |
      | exchange rules         | ZTCS → ZTCD, ZTCS → ZTMX                 |

  Scenario: Switches written with spaces around the equals sign are read as written without them
    Java properties files allow blanks around the separator ("checkReasonTender = true"), and files
    edited by hand often have them.

    When the back office loads the vendor files from "spaced":
      | file                             |
      | allowedTendersConfigs.properties |
    Then the request is accepted
    And the tender configuration in force has:
      | switches on | checkReasonTender |

  Scenario: A broken configuration is refused with every problem, and the previous one stays in force
    Given the tenders:
      | tender | currency | description |
      | ZTCS   | EUR      | Cash        |
      | ZTVO   | EUR      | Gift card   |
    And the customer tender groups:
      | group   | default |
      | DEFAULT | yes     |
    And the tenders of the customer tender groups:
      | group   | tender |
      | DEFAULT | ZTCS   |
    When the back office loads the vendor files from "broken":
      | file                             |
      | dc_import_Tender.xml             |
      | CustomerTenderGroup.xml          |
      | Customer.xml                     |
      | Reason.xml                       |
      | allowedTendersConfigs.properties |
    Then the request is refused with "validation_failed"
    And the refusal lists every problem:
      | in file                          | at     | mentions                     |
      | dc_import_Tender.xml             |        | duplicate ZTCS               |
      | dc_import_Tender.xml             |        | BlockingFlag yes             |
      | dc_import_Tender.xml             |        | XYZ                          |
      | dc_import_Tender.xml             |        | SaleReturnTypeCode 03        |
      | dc_import_Tender.xml             |        | missing TenderTypeCode       |
      | dc_import_Tender.xml             |        | restriction rule             |
      | CustomerTenderGroup.xml          |        | DefaultFlag                  |
      | CustomerTenderGroup.xml          |        | TimeStampEffective yesterday |
      | CustomerTenderGroup.xml          |        | unknown ZTZZ                 |
      | CustomerTenderGroup.xml          |        | unknown CREDIT               |
      | CustomerTenderGroup.xml          |        | DELETE                       |
      | CustomerTenderGroup.xml          |        | unknown CREDIT               |
      | Customer.xml                     |        | XML                          |
      | Reason.xml                       |        | unknown 6399                 |
      | Reason.xml                       |        | LIMIT 1.000,00               |
      | allowedTendersConfigs.properties | line 2 | checkReasonTender yes        |
      | allowedTendersConfigs.properties | line 3 | checkEverything              |
    And the tender configuration in force is unchanged
    When the cashier asks which tenders a sale of 10.00 EUR may use
    Then the receipt may be paid only with "ZTCS"

  Scenario: A switch set both ways in two properties files is refused, and the previous configuration stays in force
    A store's override beside the central allowedTendersConfigs.properties turns checkReasonTender off
    again: which of the two holds is not for the import to guess.

    Given the tenders:
      | tender | currency | description |
      | ZTCS   | EUR      | Cash        |
    When the back office loads the vendor files from "conflicting":
      | file                             |
      | allowedTendersConfigs.properties |
      | storeOverride.properties         |
    Then the request is refused with "validation_failed"
    And the refusal lists every problem:
      | in file                  | at     | mentions          |
      | storeOverride.properties | line 2 | checkReasonTender |
    And the tender configuration in force is unchanged

  Scenario: A vendor file that declares entities is refused unread, and the previous configuration stays in force
    A DOCTYPE may declare entities that expand without end or read the server's own files: the import
    refuses the file before reading it, wherever its first tag begins (here after one blank line).

    Given the tenders:
      | tender | currency | description |
      | ZTCS   | EUR      | Cash        |
    When the back office loads the vendor files from "entities":
      | file                 |
      | dc_import_Tender.xml |
    Then the request is refused with "validation_failed"
    And the refusal lists every problem:
      | in file              | mentions |
      | dc_import_Tender.xml | DOCTYPE  |
    And the tender configuration in force is unchanged

  Scenario: A vendor file cut off inside a comment is refused, and the previous configuration stays in force
    Given the tenders:
      | tender | currency | description |
      | ZTCS   | EUR      | Cash        |
    When the back office loads the vendor files from "unterminated":
      | file                 |
      | dc_import_Tender.xml |
    Then the request is refused with "validation_failed"
    And the refusal lists every problem:
      | in file              | mentions |
      | dc_import_Tender.xml | well-formed |
    And the tender configuration in force is unchanged

  Scenario: A file in the JSON form is refused with each problem at its place, and the previous configuration stays in force
    A file named *.json among the vendor files is the JSON form. Each problem names the list and the
    entry it is in, so that the back office can find it in a file of thousands of entries.

    Given the tenders:
      | tender | currency | description |
      | ZTCS   | EUR      | Cash        |
    When the back office loads the vendor files from "json-form":
      | file         |
      | tenders.json |
    Then the request is refused with "validation_failed"
    And the refusal lists every problem:
      | in file      | at         | mentions        |
      | tenders.json | /tenders/1 | isoCurrencyCode |
      | tenders.json | /coupons   | coupons         |
    And the tender configuration in force is unchanged

  @req:CH-01
  Scenario: Only the back office may change the tender configuration
    Given the tenders:
      | tender | currency | description |
      | ZTCS   | EUR      | Cash        |
    When the cashier loads the vendor files from "seed":
      | file                 |
      | dc_import_Tender.xml |
    Then the request is refused with "forbidden"
    And the tender configuration in force is unchanged
