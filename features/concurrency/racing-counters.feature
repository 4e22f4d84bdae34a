@req:CH-01 @req:RD-03 @req:CC-05
Feature: POS terminals and a web shop racing one voucher
  "Using the same gift card in two CCO stations at the same time is not a problem if the CCO manager
  is online. It should then be impossible to redeem more than the gift card balance." Several POS and a
  web shop use voucher 123 at the same moment, over a clean network and over one that loses, delays and
  repeats messages. Every operation is recorded and the record is checked: money bounds, ledger
  conservation, idempotency, the policy, and linearizability against a model of a voucher.

  @capability:balance-guard @req:CC-01
  Scenario: Two POS and a web shop redeem voucher 123 at the same moment (balance guard)
    Given voucher "123" worth 20.00 EUR under the balance-guard policy
    When two POS and a web shop redeem voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:balance-guard @req:CC-01 @req:RD-06 @req:CH-02
  Scenario: Two POS and a web shop redeem voucher 123 over a network that loses and repeats messages
    Given voucher "123" worth 20.00 EUR under the balance-guard policy
    And a network that loses, delays and repeats messages
    When two POS and a web shop redeem voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:exclusive-hold @capability:holds @req:CC-02
  Scenario: A voucher in one basket is "in use" for every other POS and the web shop
    Given voucher "123" worth 20.00 EUR under the exclusive-hold policy
    When three POS and a web shop redeem voucher "123" at the same moment
    Then no checker finds a violation
    And at most one receipt held voucher "123" at any time

  @capability:exclusive-hold @capability:holds @req:CC-02 @req:RD-06 @req:CH-02
  Scenario: Exclusive holds stay exclusive over a network that loses and repeats messages
    Given voucher "123" worth 20.00 EUR under the exclusive-hold policy
    And a network that loses, delays and repeats messages
    When two POS and a web shop redeem voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:amount-holds @capability:holds @req:CC-03
  Scenario: Holds of several POS and a web shop never add up to more than the balance
    Given voucher "123" worth 20.00 EUR under the amount-holds policy
    When three POS and two web shops hold parts of voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:redeem-entire @req:CC-04
  Scenario: Two POS and a web shop each redeem all of voucher 123 at the same moment: one wins
    Given voucher "123" worth 20.00 EUR under the redeem-entire policy
    When two POS and a web shop each redeem all of voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:amount-holds @capability:holds @req:CC-03 @req:RD-06 @req:CH-02
  Scenario: Amount holds stay within the balance over a network that loses and repeats messages
    Given voucher "123" worth 20.00 EUR under the amount-holds policy
    And a network that loses, delays and repeats messages
    When two POS and a web shop redeem voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:redeem-entire @req:CC-04
  Scenario: Under redeem entire the POS that wins pays part, and the rest leaves as a new voucher
    Given voucher "123" worth 20.00 EUR under the redeem-entire policy
    When two POS and a web shop redeem voucher "123" at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:balance-guard @capability:one-step-redeem @req:CC-01 @req:RD-01
  Scenario: Six POS and two web shops redeem voucher 123 in one step, in bursts: every one is answered
    A system may take redemptions that arrive together as a group (one commit for many). On a network
    that loses nothing every request gets its answer, the last of a burst too: one left waiting is a
    finding, not an unknown outcome.
    Given voucher "123" worth 200.00 EUR under the balance-guard policy
    When six POS and two web shops redeem voucher "123" in one step, in 4 bursts at the same moment
    Then no checker finds a violation
    And voucher "123" was never spent beyond its funds

  @capability:balance-guard @capability:one-time-vouchers @req:LC-07
  Scenario: Six POS and a web shop pay with one one-time voucher at the same moment: it pays once
    Given a one-time voucher "ONCE" worth 20.00 EUR under the balance-guard policy
    When six POS and a web shop pay small amounts with voucher "ONCE" at the same moment
    Then no checker finds a violation
    And voucher "ONCE" was never spent beyond its funds
