import { z } from 'zod';

export const FEE_STATUSES = ['ACTIVE', 'IN_DISPUTE', 'EXPORTED', 'CLOSED'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

export const FEE_ACTIONS = ['ADD', 'CREDIT', 'PAY', 'WAIVE', 'DISPUTE', 'RESTORE', 'TRANSFER', 'REFUND'] as const;
export type FeeAction = (typeof FEE_ACTIONS)[number];

/** An amount as typed: a decimal string, checked and rounded half-up to cents by the action. */
const amount = z.string().max(40);
const comment = z.string().max(2000);
const text = z.string().max(255);

export const feeIdInput = z.object({ id: z.uuid() });

export const userFeesInput = z.object({
  userId: z.uuid(),
  status: z.enum(FEE_STATUSES).optional(),
  type: text.optional(),
});
export type UserFeesInput = z.output<typeof userFeesInput>;

export const listFeesInput = userFeesInput.extend({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListFeesInput = z.output<typeof listFeesInput>;

export const balancesInput = z.object({ userId: z.uuid() });

export const addFeeInput = z.object({
  userId: z.uuid(),
  type: text,
  amount,
  /** A library's code, when the type allows a library as owner; the institution otherwise. */
  ownerLibrary: text.optional(),
  itemBarcode: text.optional(),
  itemTitle: text.optional(),
  comment: comment.optional(),
});
export type AddFeeInput = z.output<typeof addFeeInput>;

/** A credit: entered positive, stored and shown negative; the comment says why. */
export const creditFeeInput = z.object({
  userId: z.uuid(),
  type: text,
  amount,
  ownerLibrary: text.optional(),
  comment,
});
export type CreditFeeInput = z.output<typeof creditFeeInput>;

export const payFeeInput = z.object({
  id: z.uuid(),
  amount,
  method: text,
  externalTransactionId: text.optional(),
  comment: comment.optional(),
});
export type PayFeeInput = z.output<typeof payFeeInput>;

export const payAllInput = z.object({
  userId: z.uuid(),
  method: text,
  externalTransactionId: text.optional(),
  comment: comment.optional(),
});
export type PayAllInput = z.output<typeof payAllInput>;

export const waiveFeeInput = z.object({
  id: z.uuid(),
  amount,
  reason: text,
  comment: comment.optional(),
});
export type WaiveFeeInput = z.output<typeof waiveFeeInput>;

/** Waives the whole remaining balance of each fee named. */
export const waiveSelectedInput = z.object({
  userId: z.uuid(),
  ids: z.array(z.uuid()).max(1000),
  reason: text,
  comment: comment.optional(),
});
export type WaiveSelectedInput = z.output<typeof waiveSelectedInput>;

/** Waives the whole remaining balance of every fee of the filtered list, across its pages. */
export const waiveAllInput = userFeesInput.extend({
  reason: text,
  comment: comment.optional(),
});
export type WaiveAllInput = z.output<typeof waiveAllInput>;

export const disputeFeeInput = z.object({ id: z.uuid(), comment: comment.optional() });
export type DisputeFeeInput = z.output<typeof disputeFeeInput>;

/** Transfers a fee to the bursar: it is marked exported and shows in the transferred balance. */
export const transferFeeInput = z.object({
  id: z.uuid(),
  bursarTransactionId: text.optional(),
  comment: comment.optional(),
});
export type TransferFeeInput = z.output<typeof transferFeeInput>;

/** Gives back part or all of what was paid on a fee (amount, method…, as a payment); what is owed does not change. */
export const refundFeeInput = payFeeInput;
export type RefundFeeInput = z.output<typeof refundFeeInput>;

export const linkItemInput = z.object({ id: z.uuid(), itemBarcode: text, itemTitle: text.optional() });
export type LinkItemInput = z.output<typeof linkItemInput>;

/** A fee as shown: money as decimal strings with 2 decimals, in the institution's currency. */
export interface FeeDto {
  readonly id: string;
  readonly userId: string;
  readonly type: string;
  readonly ownerLibrary: string | null;
  readonly originalAmount: string;
  readonly remainingBalance: string;
  readonly originalVat: string;
  readonly remainingVat: string;
  readonly currency: string;
  readonly status: FeeStatus;
  readonly statusDate: Date;
  readonly comment: string | null;
  readonly itemBarcode: string | null;
  readonly itemTitle: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly bursarTransactionId: string | null;
  readonly version: number;
}

export interface FeeLedgerEntryDto {
  readonly id: string;
  readonly action: FeeAction;
  readonly amount: string;
  readonly vatAmount: string;
  readonly reason: string | null;
  readonly comment: string | null;
  readonly method: string | null;
  readonly externalTransactionId: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** A loan a fee came from, as the fulfilment side describes it. */
export interface LinkedLoanDto {
  readonly id: string;
  readonly description: string;
  readonly url: string | null;
}

/** One fee with its ledger, what may still be refunded of it, and its loan where the fulfilment side knows it. */
export interface FeeDetailsDto extends FeeDto {
  readonly ledger: readonly FeeLedgerEntryDto[];
  /** Paid minus refunded. */
  readonly refundable: string;
  readonly linkedLoan: LinkedLoanDto | null;
}

export interface FeePage {
  readonly fees: readonly FeeDto[];
  readonly total: number;
  /** The remaining balances of every fee the filters match, across the pages: as the active balance, and disputed. */
  readonly filteredBalance: string;
  readonly filteredDisputedBalance: string;
  /** The remaining balances of every fee the filters match, whatever their status. */
  readonly filteredTotal: string;
  readonly currency: string;
}

export interface WaivedFees {
  readonly fees: readonly FeeDto[];
  readonly total: string;
  readonly currency: string;
}
