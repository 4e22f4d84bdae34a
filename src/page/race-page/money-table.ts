import { escapeHtml } from '../html-escape.ts';
import { moneyText, type VoucherMoney } from './voucher-money.ts';

/** How far acknowledged debits exceed the most the voucher could have held (minor units), or null. */
export function overspend(money: VoucherMoney): number | null {
  if (money.funds === null) return null;
  const most = money.funds + money.credits + money.maybeCredits;
  return money.debits > most ? money.debits - most : null;
}

/** A voucher's money in major units: funds, acknowledged debits and credits, and any overspend. */
export function moneyLine(money: VoucherMoney): string {
  const text = (amount: number) => moneyText(amount, money.currency);
  const parts = [
    money.funds === null ? 'initial funds unknown' : `initial funds ${text(money.funds)}`,
    `acknowledged debits ${text(money.debits)} in ${money.debitCount} operation(s)`,
    `credits ${text(money.credits)}${money.maybeCredits ? ` and ${text(money.maybeCredits)} of unknown outcome` : ''}`,
  ];
  const over = overspend(money);
  const warning =
    over === null
      ? ''
      : ` <strong class="v-false">Debits exceed the funds by ${escapeHtml(text(over))}.</strong>`;
  return `<p>Voucher ${escapeHtml(money.voucher)}: ${escapeHtml(parts.join('; '))}.${warning}</p>`;
}

/** The charted vouchers' money, one row each, in major units. */
export function moneyTable(vouchers: Iterable<VoucherMoney>): string {
  const all = [...vouchers];
  if (all.length === 0) return '<p class="muted">No vouchers in this history.</p>';
  const rows = all.map((money) => {
    const text = (amount: number) => escapeHtml(moneyText(amount, money.currency));
    const over = overspend(money);
    const credits = `${text(money.credits)}${money.maybeCredits ? ` (+ ${text(money.maybeCredits)} unknown)` : ''}`;
    return `<tr><td>${escapeHtml(money.voucher)}</td><td>${money.funds === null ? 'unknown' : text(money.funds)}</td><td>${credits}</td><td>${text(money.debits)} (${money.debitCount})</td><td>${over === null ? 'no' : `<strong class="v-false">by ${text(over)}</strong>`}</td></tr>`;
  });
  return `<table class="money"><thead><tr><th>voucher</th><th>initial funds</th><th>credits</th><th>acknowledged debits</th><th>overspent</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}
