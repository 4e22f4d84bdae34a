import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FinalLedger, FinalLedgers } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';
import { type AuditResult, auditHistoryFile, historyOfFile } from './audit.ts';
import { fetchLedgers } from './fetch-ledgers.ts';
import { readK6Run } from './read-k6-run.ts';
import type { SetupRecord } from './setup-record.ts';
import { evaluateThresholds, type ThresholdResult } from './thresholds.ts';

export interface RunAuditInput {
  /** The k6 JSON outputs of every process of the run. */
  outputs: readonly string[];
  thresholds: Record<string, readonly string[]>;
  /** Where history.ndjson and ledgers.json go. */
  outDir: string;
  /** The system under test: the history names it, and its ledgers are read there. */
  target: string;
  /** The setup every process read back; else the one the samples recorded. */
  setup?: SetupRecord | null;
  /** A transport-free adapter to read the ledgers through (vcert load --adapter). */
  adapter?: string;
  /** The back-office key to read the ledgers with, instead of the setup's. */
  ledgerKey?: string;
  timeoutMs: number;
  /** Why the audit must not run (a stopped run); the thresholds and the history are still made. */
  skipAudit?: string;
}

export interface RunAudit {
  thresholds: ThresholdResult[];
  history: History;
  operations: number;
  /** `createHold/ok` → count. */
  opCounts: Record<string, number>;
  setup: SetupRecord | null;
  audit: AuditResult | null;
  auditError?: string;
  ledgers?: FinalLedgers;
  files: { history: string; ledgers?: string };
}

/**
 * The end of every load run, one process or many: one streaming pass over k6's outputs (thresholds over
 * the merged raw samples, the history written as it is read), then the vouchers' final ledgers, read
 * once, and the double-spend audit of the whole history.
 */
export async function auditRun(input: RunAuditInput): Promise<RunAudit> {
  const historyPath = join(input.outDir, 'history.ndjson');
  const read = await readK6Run(input.outputs, {
    thresholds: input.thresholds,
    historyPath,
    target: input.target,
    ...(input.setup ? { setup: input.setup } : {}),
  });
  const base = {
    thresholds: evaluateThresholds(input.thresholds, read.series),
    operations: read.history.operations,
    opCounts: read.history.counts,
    setup: read.setup,
  };
  const notAudited = async (auditError: string): Promise<RunAudit> => ({
    ...base,
    history: await historyOfFile(historyPath),
    audit: null,
    auditError,
    files: { history: historyPath },
  });
  if (input.skipAudit) return notAudited(input.skipAudit);
  if (!read.setup) return notAudited('the script recorded no setup data (vcert_setup): nothing to audit');
  const setup = input.ledgerKey
    ? { ...read.setup, keys: { ...read.setup.keys, backoffice: input.ledgerKey } }
    : read.setup;
  let ledgers: Map<string, FinalLedger>;
  try {
    ledgers = await fetchLedgers(input.target, setup, input.timeoutMs, input.adapter);
  } catch (error) {
    return notAudited(`the final ledgers could not be read: ${(error as Error).message}`);
  }
  const ledgersPath = join(input.outDir, 'ledgers.json');
  writeFileSync(ledgersPath, JSON.stringify([...ledgers.values()], null, 1));
  const { history, ...audit } = await auditHistoryFile(historyPath, ledgersPath, ledgers);
  return { ...base, history, audit, ledgers, files: { history: historyPath, ledgers: ledgersPath } };
}
