@req:LC-01 @req:LC-02 @req:LC-03 @capability:templates
Feature: Issuing vouchers from templates
  The back office issues vouchers in advance from a template set of a voucher type. A template set has
  a fixed capacity. Every voucher gets a unique number, barcode, magnetic stripe and QR code, and starts
  prepared, ready to be sold at a register.

  Background:
    Given a reusable voucher type "GIFT"
    And a template "SPRING" of voucher type "GIFT" with capacity 3

  @req:LC-01
  Scenario: Issuing within the capacity of the template set
    When the back office issues 3 vouchers of 20.00 EUR from template "SPRING"
    Then the issue is accepted

  @req:LC-01
  Scenario: Issuing past the capacity is refused and says how many are left
    Given the back office issues 2 vouchers of 20.00 EUR from template "SPRING"
    When the back office issues 2 vouchers of 20.00 EUR from template "SPRING"
    Then the issue is refused with "template_capacity_exhausted"
    And the refusal says 1 more can be issued
    When the back office issues 1 voucher of 20.00 EUR from template "SPRING"
    Then the issue is accepted

  @req:LC-02 @req:LC-03
  Scenario: Issued vouchers are prepared and every identifier is unique
    When the back office issues 3 vouchers of 20.00 EUR from template "SPRING"
    Then the 3 vouchers issued from template "SPRING" are prepared and all their identifiers differ

  @req:LC-02 @capability:identifiers
  Scenario Outline: Any identifier finds the voucher: <identifier>
    Given the back office issues 2 vouchers of 20.00 EUR from template "SPRING"
    When the cashier at POS 1 looks up voucher "SPRING#2" by its <identifier>
    Then the lookup finds voucher "SPRING#2"

    Examples:
      | identifier |
      | number     |
      | barcode    |
      | magstripe  |
      | qr         |

  @req:LC-02 @capability:identifiers
  Scenario: An identifier that no voucher has finds nothing
    When the cashier at POS 1 looks up the barcode "0000000000000"
    Then the lookup is refused with "not_found"

  @req:LC-03 @capability:two-phase-sale
  Scenario: Several vouchers are sold in one purchase
    Given vouchers "A, B and C" of type "GIFT" worth 25.00 EUR each, not yet sold
    When the cashier at POS 1 sells vouchers "A, B and C" on one receipt
    Then voucher "A" is activated
    And voucher "B" is activated
    And voucher "C" is activated
