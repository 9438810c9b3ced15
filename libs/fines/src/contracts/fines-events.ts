import { defineEvent } from '@ulms/platform/contracts';
import type { FeeAction } from './fee.schema.js';

export interface FeeEventPayload {
  readonly institutionId: string;
  readonly userId: string;
  readonly feeId: string;
  readonly actor: string;
  /** The action's amount (negative for a credit), as a decimal string; "0.00" for a dispute or restore; what was transferred or refunded. */
  readonly amount: string;
}

/** Domain events of the fines module, raised after the commit of each action; any plugin may subscribe. */
export const finesEvents = {
  feeAdded: defineEvent<FeeEventPayload>('fee.added'),
  feeCredited: defineEvent<FeeEventPayload>('fee.credited'),
  feePaid: defineEvent<FeeEventPayload>('fee.paid'),
  feeWaived: defineEvent<FeeEventPayload>('fee.waived'),
  feeDisputed: defineEvent<FeeEventPayload>('fee.disputed'),
  feeRestored: defineEvent<FeeEventPayload>('fee.restored'),
  feeTransferred: defineEvent<FeeEventPayload>('fee.transferred'),
  feeRefunded: defineEvent<FeeEventPayload>('fee.refunded'),
  feeLinked: defineEvent<FeeEventPayload & { readonly itemBarcode: string }>('fee.linked'),
};

/** The event each ledger action raises. */
export const eventOfAction = {
  ADD: finesEvents.feeAdded,
  CREDIT: finesEvents.feeCredited,
  PAY: finesEvents.feePaid,
  WAIVE: finesEvents.feeWaived,
  DISPUTE: finesEvents.feeDisputed,
  RESTORE: finesEvents.feeRestored,
  TRANSFER: finesEvents.feeTransferred,
  REFUND: finesEvents.feeRefunded,
} satisfies Record<FeeAction, unknown>;
