/**
 * Tender admissibility (DOMAIN.md TA): the pure core that the HTTP handlers, the CLI and the features call.
 * No clock, no storage: configuration, receipt and time are parameters.
 */
import type {
  ExchangeVerdict,
  TenderConfig,
  TenderEvaluation,
  TenderReceipt,
  TenderVerdict,
} from '../../spec/schemas/tenders.ts';
import { referenceEngine } from './engine.ts';

export { emptyTenderConfig } from './empty-config.ts';
export {
  createEngine,
  type EngineParts,
  referenceEngine,
  referenceParts,
  type TenderEngine,
} from './engine.ts';
export {
  type ImportResult,
  importConfiguration,
  importFiles,
  maxImportBytes,
  sizeProblem,
} from './import/import-configuration.ts';
export { formatProblem, type Problem } from './import/problem.ts';
export { maxXmlDepth } from './import/xml-scan.ts';
export { receiptProblems } from './receipt-validator.ts';

/** Every configured tender, allowed or refused with the rules that refused it (TA-12). */
export function evaluate(config: TenderConfig, receipt: TenderReceipt, now: Date): TenderEvaluation {
  return referenceEngine.evaluate(config, receipt, now);
}

/** May tender `from` be exchanged into tender `to` (TA-08)? */
export function checkExchange(config: TenderConfig, from: string, to: string): ExchangeVerdict {
  return referenceEngine.checkExchange(config, from, to);
}

/** May a return of a receipt paid with `originalTenders` pay out with `tender` (TA-09)? */
export function checkReturn(
  config: TenderConfig,
  originalTenders: readonly string[],
  tender: string,
): TenderVerdict {
  return referenceEngine.checkReturn(config, originalTenders, tender);
}
