import { ValidationError } from '@ulms/platform';

/** Our input names as the reference's fee documents and parameters call them. */
const almaNameOf: Readonly<Record<string, string>> = {
  ownerLibrary: 'owner',
  itemBarcode: 'barcode',
  itemTitle: 'title',
  externalTransactionId: 'external_transaction_id',
};

/** A validation error with the fields renamed: `names` first, then the reference's names. */
export function inAlmaNames(error: ValidationError, names: Readonly<Record<string, string>> = {}): ValidationError {
  return new ValidationError(
    error.fieldErrors.map((e) => ({ ...e, field: names[e.field] ?? almaNameOf[e.field] ?? e.field })),
  );
}
