import { type HistoryField, historyFields } from '../contracts/user-codes.js';
import type { UserDto } from '../contracts/user.dto.js';

export interface HistoryChange {
  readonly field: HistoryField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

type Scalar = string | number | boolean | null | undefined;

const text = (parts: Scalar[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(', ');

/** How each listed field reads in the History tab. */
const describe: Partial<Record<HistoryField, (user: UserDto) => string | null>> = {
  rsLibraries: (u) => u.rsLibraries.join(', ') || null,
  addresses: (u) =>
    u.addresses
      .map((a) => text([a.line1, a.line2, a.city, a.stateProvince, a.postalCode, a.country]) + ` (${a.addressTypes.join('/')}${a.preferred ? ', preferred' : ''})`)
      .join('; ') || null,
  phones: (u) => u.phones.map((p) => `${p.phoneNumber} (${p.phoneTypes.join('/')}${p.preferred ? ', preferred' : ''})`).join('; ') || null,
  identifiers: (u) => u.identifiers.map((i) => `${i.idType} ${i.value}${i.segmentType === 'EXTERNAL' ? ' (external)' : ''}`).join('; ') || null,
  roles: (u) => u.roles.map((r) => `${r.role}${r.scope ? ` @ ${r.scope}` : ''}${r.status === 'INACTIVE' ? ' (inactive)' : ''}`).join('; ') || null,
};

/** The History tab's entries for one save: listed fields only; PIN and password say "changed", never a value. */
export function historyChanges(
  before: UserDto,
  after: UserDto,
  secrets: { pinChanged: boolean; passwordChanged: boolean },
): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const field of Object.keys(historyFields) as HistoryField[]) {
    if (field === 'pinNumber' || field === 'password') continue;
    const read = describe[field] ?? ((u: UserDto) => {
      const value = (u as unknown as Record<string, Scalar>)[field];
      return value === undefined || value === null ? null : String(value);
    });
    if (!(field in after) && !describe[field]) continue;
    const oldValue = read(before);
    const newValue = read(after);
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  if (secrets.pinChanged) changes.push({ field: 'pinNumber', oldValue: null, newValue: 'changed' });
  if (secrets.passwordChanged) changes.push({ field: 'password', oldValue: null, newValue: 'changed' });
  return changes;
}
