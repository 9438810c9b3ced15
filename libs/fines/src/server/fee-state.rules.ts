import { ConflictError } from '@ulms/platform';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import type { FeeRow } from './fee.rows.js';

/** Refuses any action on a closed fee, and on a transferred one unless the institution allows activity on it. */
export function checkOpen(fee: FeeRow, config: FinesConfig): void {
  if (fee.status === 'CLOSED') throw new ConflictError('the fee is closed: no action can be taken on it');
  if (fee.status === 'EXPORTED' && !config.allowActivityOnTransferred)
    throw new ConflictError('the fee was transferred to the bursar: no action can be taken on it');
}

/** The statuses whose fees may be paid or waived. */
export const settleableStatuses = (config: FinesConfig) =>
  config.allowActivityOnTransferred
    ? (['ACTIVE', 'IN_DISPUTE', 'EXPORTED'] as const)
    : (['ACTIVE', 'IN_DISPUTE'] as const);
