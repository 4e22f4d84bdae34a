/**
 * The requirement ids of the standard (the domain brief, ../shared/DOMAIN.md), each with its first
 * sentence: a certification lists every one of them, with "no scenario" where the suite has none, so a
 * gap shows in every report instead of shrinking the denominator.
 */
export const requirements: ReadonlyArray<{ id: string; title: string }> = [
  { id: 'LC-01', title: 'Vouchers are issued in advance from a template that belongs to a voucher type' },
  { id: 'LC-02', title: 'Each voucher has a unique number and further unique identifiers' },
  { id: 'LC-03', title: 'Issued vouchers start in state `prepared` and can be sold at a register' },
  { id: 'LC-04', title: 'Denomination is fixed at issue and cannot be changed afterwards' },
  { id: 'LC-05', title: 'Validity runs from issue (or activation (interp.)) for a period set by the type' },
  { id: 'LC-06', title: 'Selling is two-phase' },
  { id: 'LC-07', title: 'A voucher may be one-time or reusable' },
  { id: 'LC-08', title: 'An unused voucher can be refunded' },
  {
    id: 'LC-09',
    title: '`canceled` is reached only by a manual action (for example, the number was compromised)',
  },
  { id: 'LC-10', title: 'Usage status as seen at the register ' },
  { id: 'LC-11', title: 'Top-up (load) adds value to a reusable voucher when its type allows it' },
  {
    id: 'LC-12',
    title:
      'Balance inquiry returns type, initial denomination, current balance, state, and the product code used to sell it',
  },
  {
    id: 'LC-13',
    title:
      'Illegal transitions are refused with a clear error and change nothing (for example, redeem a `prepared` or `expired` voucher, refund a used one, activate a `canceled` one)',
  },
  { id: 'RD-01', title: 'A voucher pays part or all of a receipt as a tender of its own' },
  { id: 'RD-02', title: 'Every money movement is two-phase' },
  {
    id: 'RD-03',
    title:
      'No voucher is ever spent beyond its balance, whatever the number of POS, web shops and retries racing it',
  },
  { id: 'RD-04', title: 'Holds expire' },
  { id: 'RD-05', title: 'Returning goods paid by a voucher can credit the voucher back (redemption refund)' },
  { id: 'RD-06', title: 'Every operation carries an idempotency key' },
  { id: 'RD-07', title: 'Each voucher keeps an append-only ledger' },
  {
    id: 'RD-08',
    title:
      "Amounts are positive integers in minor units with an ISO 4217 currency that must match the voucher's",
  },
  { id: 'CC-01', title: 'Balance guard (standard central voucher database, 000/001)' },
  { id: 'CC-02', title: 'Exclusive hold (the "pending in use" state asked for in 000/001)' },
  { id: 'CC-03', title: 'Amount holds (interp., as card authorizations)' },
  { id: 'CC-04', title: 'Redeem entire workaround ' },
  { id: 'CC-05', title: 'Under every policy' },
  { id: 'TA-01', title: 'A tender with BlockingFlag = true is never allowed' },
  { id: 'TA-02', title: 'Tenders can be grouped in customer tender groups' },
  { id: 'TA-03', title: 'TimeStampEffective' },
  { id: 'TA-04', title: 'Receipt without a customer' },
  { id: 'TA-05', title: 'Exclusive tender' },
  { id: 'TA-06', title: 'SaleReturnTypeCode' },
  { id: 'TA-07', title: 'Restriction rules' },
  {
    id: 'TA-08',
    title: 'Tender exchange is allowed only along configured TenderAdjustmentRule pairs (example',
  },
  { id: 'TA-09', title: 'Returns based on an original receipt' },
  { id: 'TA-10', title: 'Pay-in / pay-out' },
  { id: 'TA-11', title: 'A reason with parameter `LIMIT` caps the pay-in / pay-out amount (example' },
  {
    id: 'TA-12',
    title: 'Every refusal names the rule that refused it, so a cashier and an auditor can see why',
  },
  {
    id: 'TA-13',
    title:
      "Configuration is imported in the vendor's XML shapes shown in 002 (`TenderDO`, `CustomerTenderGroupDO`, `CustomerTenderGroupTenderDO`, `CustomerGroup`, `CustomerDO`, `TenderAdjustmentRuleDO`, `TenderSaleReturnRuleDO`, `ReasonTenderDO`, `Reason`) and the properties switches, as well as in a plain JSON form",
  },
  { id: 'RP-01', title: 'Per voucher' },
  {
    id: 'RP-02',
    title:
      'Counts over time (day / month / quarter / year) of issued, sold (activated), used, returned vouchers',
  },
  { id: 'RP-03', title: 'Outstanding liability' },
  { id: 'RP-04', title: 'Per use' },
  {
    id: 'CH-01',
    title:
      'POS terminals (many, in many stores) and a web shop use the same central service at the same time',
  },
  { id: 'CH-02', title: 'A POS may be offline' },
];

export const requirementIds: readonly string[] = requirements.map((r) => r.id);
