import { type BuiltInRole, builtInRoles } from '@ulms/platform/contracts';
import {
  addressTypes,
  type CodeTable,
  type HistoryField,
  historyFields,
  phoneTypes,
  type RecordType,
  recordTypes,
} from '../contracts/user-codes.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { HistoryEntryDto } from '../contracts/user-parts.schema.js';

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
      .map(
        (a) =>
          text([a.line1, a.line2, a.city, a.stateProvince, a.postalCode, a.country]) +
          ` (${a.addressTypes.join('/')}${a.preferred ? ', preferred' : ''})`,
      )
      .join('; ') || null,
  phones: (u) =>
    u.phones.map((p) => `${p.phoneNumber} (${p.phoneTypes.join('/')}${p.preferred ? ', preferred' : ''})`).join('; ') ||
    null,
  identifiers: (u) =>
    u.identifiers.map((i) => `${i.idType} ${i.value}${i.segmentType === 'EXTERNAL' ? ' (external)' : ''}`).join('; ') ||
    null,
  roles: (u) =>
    u.roles
      .map((r) => `${r.role}${r.scope ? ` @ ${r.scope}` : ''}${r.status === 'INACTIVE' ? ' (inactive)' : ''}`)
      .join('; ') || null,
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
    const read =
      describe[field] ??
      ((u: UserDto) => {
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

/** What turns stored codes and job markers into words: code-table descriptions and the jobs that wrote entries. */
export interface HistoryWords {
  /** Description by code table and code. */
  readonly description: (table: CodeTable, code: string) => string | undefined;
  readonly jobs: readonly HistoryJob[];
}

export interface HistoryJob {
  readonly type: string;
  readonly title: string;
  readonly createdBy: string;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

/** Jobs write their type as the actor (`job:users.bulkEdit`); these read better than the jobs' titles. */
const jobNames: Readonly<Record<string, string>> = { 'users.bulkEdit': 'Bulk edit', 'users.purge': 'Purge' };

/** Code-table fields whose history values are codes. */
const codeFields: Partial<Record<HistoryField, CodeTable>> = {
  userGroup: 'USER_GROUP',
  jobCategory: 'JOB_CATEGORY',
  userTitle: 'USER_TITLE',
  campusCode: 'CAMPUS',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

const contactTypeLabel = (types: Readonly<Record<string, { readonly label: string }>>, code: string) =>
  Object.hasOwn(types, code) ? (types[code]?.label ?? code) : code;

/** "… (home/work, preferred)" → "… (Home/Work, preferred)". */
const withTypeLabels = (types: Readonly<Record<string, { readonly label: string }>>) => (part: string) =>
  part.replace(/\(([^()]*)\)$/, (_all, inside: string) => {
    const [codes = '', ...rest] = inside.split(', ');
    return `(${[
      codes
        .split('/')
        .map((code) => contactTypeLabel(types, code))
        .join('/'),
      ...rest,
    ].join(', ')})`;
  });

function readableValue(field: string, value: string | null, words: HistoryWords): string | null {
  if (value === null) return null;
  const table = codeFields[field as HistoryField];
  if (table) return words.description(table, value) ?? value;
  const eachPart = (read: (part: string) => string) => value.split('; ').map(read).join('; ');
  switch (field) {
    case 'recordType':
      return recordTypes[value as RecordType] ?? value;
    case 'preferredLanguage':
      return /^[a-z]{2,3}$/.test(value) ? (languageNames.of(value) ?? value) : value;
    case 'identifiers':
      // "BARCODE 12345 (external)": codes have no spaces, so the type is the first word.
      return eachPart((part) => {
        const space = part.indexOf(' ');
        const code = space < 0 ? part : part.slice(0, space);
        return (words.description('IDENTIFIER_TYPE', code) ?? code) + (space < 0 ? '' : part.slice(space));
      });
    case 'phones':
      return eachPart(withTypeLabels(phoneTypes));
    case 'addresses':
      return eachPart(withTypeLabels(addressTypes));
    case 'roles':
      return eachPart((part) => part.replace(/^[A-Z_]+/, (code) => builtInRoles[code as BuiltInRole] ?? code));
    default:
      return value;
  }
}

/** "Bulk edit by Jane Smith" for an entry a job wrote, from the job of that type running at the time. */
function readableActor(entry: HistoryEntryDto, words: HistoryWords): string {
  if (entry.actorKind !== 'job' || !entry.actor.startsWith('job:')) return entry.actor;
  const type = entry.actor.slice('job:'.length);
  const job = words.jobs.find(
    (candidate) =>
      candidate.type === type &&
      candidate.startedAt !== null &&
      candidate.startedAt <= entry.at &&
      (candidate.finishedAt === null || entry.at <= candidate.finishedAt),
  );
  return jobActor(type, job);
}

/** "Bulk edit by Jane Smith" for the job of `type`, or the job's name alone when it is gone. */
export function jobActor(type: string, job: Pick<HistoryJob, 'title' | 'createdBy'> | undefined): string {
  const name = jobNames[type] ?? job?.title ?? 'An automatic job';
  return job ? `${name} by ${job.createdBy}` : name;
}

/** A History tab entry as staff read it: descriptions instead of codes, who started a job instead of its type. */
export function readableHistoryEntry(entry: HistoryEntryDto, words: HistoryWords): HistoryEntryDto {
  return {
    ...entry,
    actor: readableActor(entry, words),
    oldValue: readableValue(entry.field, entry.oldValue, words),
    newValue: readableValue(entry.field, entry.newValue, words),
  };
}
