import type fc from 'fast-check';
import type { VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';

/** A step of a voucher's life: checks the target's answer against the model, then advances the model. */
export type VoucherCommand = fc.AsyncCommand<VoucherModel, TargetSession>;
