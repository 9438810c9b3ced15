import type { BulkEditInput, CodeTable } from '@ulms/users/contracts';

export type BulkField = keyof BulkEditInput['changes'];

/** The fields a bulk edit can change, and how each is chosen. */
export const bulkFields: readonly {
  readonly value: BulkField;
  readonly label: string;
  readonly table?: CodeTable;
  readonly date?: boolean;
}[] = [
  { value: 'userGroup', label: 'User group', table: 'USER_GROUP' },
  { value: 'jobCategory', label: 'Job category', table: 'JOB_CATEGORY' },
  { value: 'campusCode', label: 'Campus', table: 'CAMPUS' },
  { value: 'status', label: 'Status' },
  { value: 'expiryDate', label: 'Expiry date', date: true },
  { value: 'purgeDate', label: 'Purge date', date: true },
];

/** The one change of a bulk edit; an empty date clears it, an empty code or status is not a change. */
export function changesOf(field: BulkField, value: string): BulkEditInput['changes'] | null {
  const spec = bulkFields.find((candidate) => candidate.value === field);
  if (!spec) return null;
  if (spec.date) return { [field]: value || null };
  if (!value) return null;
  if (field === 'status') return value === 'ACTIVE' || value === 'INACTIVE' ? { status: value } : null;
  return { [field]: value };
}
