@req:CH-01
Feature: Keys, roles and tenants
  Every channel calls the service with an API key bound to a retailer (tenant) and a role: POS, web shop
  or back office. A retailer never sees another retailer's vouchers; a POS cannot do back-office work.

  Background:
    Given a reusable voucher type "GIFT"
    And an activated voucher "V1" of type "GIFT" worth 20.00 EUR

  Scenario: No key, no answer
    When someone reads voucher "V1" without an API key
    Then the request is refused with "unauthorized"

  Scenario: An unknown key is refused
    When someone reads voucher "V1" with an unknown API key
    Then the request is refused with "unauthorized"

  @capability:templates @capability:roles
  Scenario: A POS cannot issue vouchers
    Given a template "T" of voucher type "GIFT" with capacity 10
    When the cashier at POS 1 issues 1 voucher of 20.00 EUR from template "T"
    Then the issue is refused with "forbidden"

  Scenario: Another retailer's voucher does not exist for this one
    Given another retailer's activated voucher "THEIRS" worth 20.00 EUR
    When the cashier at POS 1 pays 5.00 EUR with voucher "THEIRS"
    Then the payment is refused with "not_found"

  Scenario: Another retailer's voucher cannot be read
    Given another retailer's activated voucher "THEIRS" worth 20.00 EUR
    When the web shop reads voucher "THEIRS"
    Then the read is refused with "not_found"
