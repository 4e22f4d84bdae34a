/** Types of adapter/flow-kit.js: the helpers that need nothing but the contract's data. */

import type { ErrorCode, OperationId, OperationInfo } from './contract.js';
import type { Completion, Operation } from './index.js';

export declare function routeOf(operationId: OperationId | string): OperationInfo;
export declare function ok(status: number, body: unknown): Completion;
export declare function refuse(code: ErrorCode, extensions?: Record<string, unknown>): Completion;
export declare function unknown(error: unknown): Completion;
export declare class CannotArrange extends Error {}
export declare function toMinor(decimal: string, digits?: number): number;
export declare function toDecimal(minor: number, digits?: number): string;
export declare function requestFingerprint(operation: Operation): string;
