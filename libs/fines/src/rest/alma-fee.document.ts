import type { InstitutionRef } from '@ulms/platform';
import type { FeeAction, FeeDto, FeeLedgerEntryDto, FeeStatus } from '../contracts/fee.schema.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';

type Json = Record<string, unknown>;

/** The reference's fee statuses, by ours. */
export const almaStatusOf: Readonly<Record<FeeStatus, { value: string; desc: string }>> = {
  ACTIVE: { value: 'ACTIVE', desc: 'Active' },
  IN_DISPUTE: { value: 'INDISPUTE', desc: 'In dispute' },
  EXPORTED: { value: 'EXPORTED', desc: 'Exported' },
  CLOSED: { value: 'CLOSED', desc: 'Closed' },
};

/** Our status for the reference's `status` parameter value. */
export const statusOfAlma = (value: string): FeeStatus | undefined =>
  (Object.keys(almaStatusOf) as FeeStatus[]).find((status) => almaStatusOf[status].value === value);

/** The reference's transaction types; the addition itself is the fee, not one of its transactions. */
const almaTransactionOf: Readonly<Record<FeeAction, { value: string; desc: string } | null>> = {
  ADD: null,
  CREDIT: null,
  PAY: { value: 'PAYMENT', desc: 'Payment' },
  WAIVE: { value: 'WAIVE', desc: 'Waive' },
  DISPUTE: { value: 'DISPUTE', desc: 'Dispute' },
  RESTORE: { value: 'RESTORE', desc: 'Restore' },
  TRANSFER: { value: 'EXPORT', desc: 'Export to bursar' },
  REFUND: { value: 'REFUND', desc: 'Refund' },
};

/** What a fee document is written with: the institution, its libraries and configured codes, the user. */
export interface AlmaFeeContext {
  readonly institution: InstitutionRef;
  readonly libraries: readonly { code: string; name: string }[];
  readonly config: FinesConfig;
  readonly user: { readonly primaryId: string };
  /** The user's address in the API: `…/almaws/v1/users/{primary_id}`. */
  readonly userUrl: string;
}

/** A decimal string as the reference writes money: a JSON number. */
const amount = (value: string) => Number(value);

const described = (value: string | null, entries: readonly { code: string; description: string }[]) =>
  value === null ? undefined : { value, desc: entries.find((e) => e.code === value)?.description ?? value };

function almaTransaction(entry: FeeLedgerEntryDto, config: FinesConfig): Json | null {
  const type = almaTransactionOf[entry.action];
  if (!type) return null;
  return {
    type,
    amount: amount(entry.amount),
    vat_amount: amount(entry.vatAmount),
    reason: described(entry.reason, config.waiveReasons),
    payment_method: described(entry.method, config.paymentMethods),
    external_transaction_id: entry.externalTransactionId ?? undefined,
    comment: entry.comment ?? undefined,
    created_by: entry.createdBy,
    transaction_time: entry.createdAt.toISOString(),
  };
}

/** One fee in the reference's shape, with its transactions. */
export function almaFee(fee: FeeDto, ledger: readonly FeeLedgerEntryDto[], context: AlmaFeeContext): Json {
  const { institution, libraries, config, user, userUrl } = context;
  const owner = fee.ownerLibrary
    ? { value: fee.ownerLibrary, desc: libraries.find((l) => l.code === fee.ownerLibrary)?.name ?? fee.ownerLibrary }
    : { value: institution.code, desc: institution.name };
  return {
    id: fee.id,
    type: { value: fee.type, desc: config.feeTypes.find((t) => t.code === fee.type)?.description ?? fee.type },
    status: almaStatusOf[fee.status],
    user_primary_id: { value: user.primaryId, link: userUrl },
    balance: amount(fee.remainingBalance),
    remaining_vat_amount: amount(fee.remainingVat),
    original_amount: amount(fee.originalAmount),
    original_vat_amount: amount(fee.originalVat),
    creation_time: fee.createdAt.toISOString(),
    status_time: fee.statusDate.toISOString(),
    comment: fee.comment ?? undefined,
    owner,
    title: fee.itemTitle ?? undefined,
    barcode: fee.itemBarcode === null ? undefined : { value: fee.itemBarcode },
    bursar_transaction_id: fee.bursarTransactionId ?? undefined,
    transaction: ledger.map((e) => almaTransaction(e, config)).filter((t) => t !== null),
    link: `${userUrl}/fees/${fee.id}`,
  };
}
