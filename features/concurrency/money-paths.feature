@req:CC-01 @req:RD-03
Feature: Every way money moves, at the same moment
  Payments are not the only money that moves while a voucher is in use: goods come back and are
  refunded, top-ups are sold at the counter, and a basket may be closed twice by two registers. Every
  operation is recorded and checked (money bounds, ledger conservation, idempotency, the policy,
  linearizability): none of these may make money appear or vanish.

  @capability:balance-guard @capability:top-up @capability:redemption-refund @req:LC-11 @req:RD-05
  Scenario: Payments, refunds and top-ups of voucher 123 at the same moment lose nothing
    Given voucher "123" worth 20.00 EUR under the balance-guard policy
    When three POS and a web shop pay, refund and top up voucher "123" at the same moment
    Then no checker finds a violation

  @capability:balance-guard @capability:holds
  Scenario: Each hold captured twice at once under different keys is paid once
    Given voucher "123" worth 20.00 EUR under the balance-guard policy
    When three POS and a web shop capture each hold of voucher "123" twice under different keys at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds
