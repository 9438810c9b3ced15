import type { FeeAction, FeeDto, FeeLedgerEntryDto, FeeStatus } from '../contracts/fee.schema.js';
import type { FeeRow } from './fee.rows.js';
import { money } from './money.js';

/** A fee as shown, with its owner library's code and the institution's currency. */
export function toFeeDto(row: FeeRow, currency: string, libraries: readonly { id: string; code: string }[]): FeeDto {
  return {
    id: row.id,
    userId: row.userId,
    type: row.typeCode,
    ownerLibrary: libraries.find((l) => l.id === row.ownerLibraryId)?.code ?? null,
    originalAmount: money(row.originalAmount),
    remainingBalance: money(row.remainingBalance),
    originalVat: money(row.originalVat),
    remainingVat: money(row.remainingVat),
    currency,
    status: row.status as FeeStatus,
    statusDate: row.statusDate,
    comment: row.comment,
    itemBarcode: row.itemBarcode,
    itemTitle: row.itemTitle,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    bursarTransactionId: row.bursarTransactionId,
    version: row.version,
  };
}

export function toLedgerEntryDto(row: {
  id: string;
  action: string;
  amount: { toString(): string };
  vatAmount: { toString(): string };
  reason: string | null;
  comment: string | null;
  method: string | null;
  externalTransactionId: string | null;
  createdBy: string;
  createdAt: Date;
}): FeeLedgerEntryDto {
  return {
    id: row.id,
    action: row.action as FeeAction,
    amount: money(row.amount),
    vatAmount: money(row.vatAmount),
    reason: row.reason,
    comment: row.comment,
    method: row.method,
    externalTransactionId: row.externalTransactionId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
