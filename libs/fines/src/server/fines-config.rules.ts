import { ValidationError } from '@ulms/platform';
import type { FeeTypeConfig, FinesConfig } from '../contracts/fines-config.schema.js';

/** The configured fee type `code`; for an addition by hand, only a type staff may create. */
export function feeTypeOf(config: FinesConfig, code: string, purpose: 'manual' | 'any'): FeeTypeConfig {
  const type = config.feeTypes.find((t) => t.code === code);
  if (!type) throw ValidationError.of('type', `"${code}" is not a fine/fee type of this institution`);
  if (purpose === 'manual' && !type.manualCreation)
    throw ValidationError.of('type', `fees of type "${code}" cannot be added by hand`);
  return type;
}

export function checkWaiveReason(config: FinesConfig, reason: string): void {
  if (!config.waiveReasons.some((r) => r.code === reason))
    throw ValidationError.of('reason', `"${reason}" is not a waive reason of this institution`);
}

export function checkPaymentMethod(config: FinesConfig, method: string): void {
  if (!config.paymentMethods.some((m) => m.code === method))
    throw ValidationError.of('method', `"${method}" is not a payment method of this institution`);
}

/** A comment, trimmed; empty is none. */
export const commentOf = (comment: string | undefined): string | null => comment?.trim() || null;
