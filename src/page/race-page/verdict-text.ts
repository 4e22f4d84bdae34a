import type { Report } from '../../checkers/compose.ts';
import type { Validity } from '../../checkers/verdict.ts';

/** The word for a verdict: unknown is never a pass, and says so. */
export function verdictWord(valid: Validity): string {
  if (valid === true) return 'valid';
  return valid === false ? 'INVALID' : 'UNKNOWN (not a pass)';
}

/** The CSS class of a verdict's colour. */
export function verdictClass(valid: Validity): string {
  return `v-${String(valid)}`;
}

/**
 * What failed, in a few words: the checkers that are not valid and the voucher the first of them names,
 * e.g. "money-bounds, linearizability on voucher v-1"; empty when everything is valid.
 */
export function failureSummary(report: Report): string {
  const failing = report.verdicts.filter(
    (verdict) => verdict.valid === report.valid && report.valid !== true,
  );
  if (failing.length === 0) return '';
  const voucher = failing.map((verdict) => verdict.first?.voucher ?? verdict.window?.voucher).find(Boolean);
  return `${failing.map((verdict) => verdict.checker).join(', ')}${voucher ? ` on voucher ${voucher}` : ''}`;
}

/** The page's title: "vcert race — INVALID: money-bounds on voucher v-1", "vcert check — valid". */
export function pageTitle(title: string, report: Report): string {
  const failure = failureSummary(report);
  return `${title} — ${verdictWord(report.valid)}${failure ? `: ${failure}` : ''}`;
}
