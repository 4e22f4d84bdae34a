import type {
  ExchangeVerdict,
  TenderConfig,
  TenderEvaluation,
  TenderReceipt,
} from '../../spec/schemas/tenders.ts';
import { refuse } from '../domain/refusal.ts';
import { readTenderConfig, writeTenderConfig } from '../storage/tender-rows.ts';
import {
  checkExchange,
  emptyTenderConfig,
  evaluate,
  formatProblem,
  importConfiguration,
} from '../tenders/index.ts';
import type { OpContext } from './context.ts';

/** TA-13: a configuration is taken whole or refused with every problem; the previous one stays in force. */
export async function loadTenderConfig(ctx: OpContext, input: unknown): Promise<TenderConfig> {
  const result = importConfiguration(input);
  if (!result.ok) {
    refuse('validation_failed', `the tender configuration has ${result.problems.length} problem(s)`, {
      errors: result.problems.map((p) => ({
        pointer: `${p.file}${p.line === undefined ? '' : `:${p.line}`} ${p.element}`,
        message: formatProblem(p),
      })),
    });
  }
  await writeTenderConfig(ctx.client, ctx.tenantId, result.config, ctx.now);
  return result.config;
}

export async function getTenderConfig(ctx: OpContext): Promise<TenderConfig> {
  return (await readTenderConfig(ctx.client, ctx.tenantId)) ?? emptyTenderConfig();
}

/** TA-01..12: which tenders the receipt may use, each refusal naming its rule. Changes nothing. */
export async function evaluateTenders(ctx: OpContext, receipt: TenderReceipt): Promise<TenderEvaluation> {
  return evaluate(await getTenderConfig(ctx), receipt, receipt.at ? new Date(receipt.at) : ctx.now);
}

export async function checkTenderExchange(
  ctx: OpContext,
  input: { from: string; to: string },
): Promise<ExchangeVerdict> {
  return checkExchange(await getTenderConfig(ctx), input.from, input.to);
}
