import type { FieldError } from '@ulms/platform/contracts';
import { type ProtectedExternalField, protectedExternalFields } from '../contracts/user-codes.js';
import { identifierKey } from '../contracts/identifiers.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { UserFields } from '../contracts/user.schema.js';
import { userDtoToFields } from '../contracts/user-fields.js';

/** Overrides to record (field → the SIS value to restore on revert) and to drop. */
export interface OverrideChanges {
  readonly set: Map<string, unknown>;
  readonly drop: Set<string>;
}

const SEGMENT_LISTS = ['identifiers', 'emails', 'addresses', 'phones'] as const;
type SegmentList = (typeof SEGMENT_LISTS)[number];

/** General Information fields the SIS owns: staff change them only with Open for Update. */
const SIS_OWNED_FIELDS = [
  'recordType',
  'primaryId',
  'firstName',
  'middleName',
  'lastName',
  'jobDescription',
  'gender',
  'webSiteUrl',
  'birthDate',
  'expiryDate',
  'purgeDate',
  'status',
  'purchaseRequestLibraries',
] as const satisfies readonly (keyof UserFields & keyof UserDto)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A segment's content without its id and segment type, for comparing. */
const contentOf = (segment: object) => {
  const { id: _id, segmentType: _segmentType, ...content } = segment as Record<string, unknown>;
  return Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v ?? null]));
};

/** Every list: an internal segment can never become external (remove it and add it again instead). */
export function segmentTypeErrors(existing: UserDto | null, incoming: UserFields): FieldError[] {
  if (!existing) return [];
  const errors: FieldError[] = [];
  for (const list of SEGMENT_LISTS) {
    const before = new Map(
      (existing[list] as readonly { id: string; segmentType: string }[]).map((s) => [s.id, s.segmentType]),
    );
    (incoming[list] as { id?: string; segmentType: string }[]).forEach((segment, index) => {
      if (segment.id && before.get(segment.id) === 'INTERNAL' && segment.segmentType === 'EXTERNAL') {
        errors.push({
          field: `${list}.${index}.segmentType`,
          message: 'an internal entry cannot become external; remove it and add it again as external',
        });
      }
    });
  }
  return errors;
}

/**
 * The reference's rules for staff editing an external user: SIS-owned fields only with Open for Update;
 * protected fields freely, remembered as local overrides; external contact data added but not changed.
 */
export function externalEditRules(input: {
  existing: UserDto;
  incoming: UserFields;
  overrides: ReadonlyMap<string, unknown>;
  openForUpdate: boolean;
  keepOnSync: Readonly<Record<string, boolean>>;
  currentPinHash: string | null;
}): { errors: FieldError[]; overrideChanges: OverrideChanges } {
  const { existing, incoming, overrides, openForUpdate, keepOnSync } = input;
  const errors: FieldError[] = [];
  const overrideChanges: OverrideChanges = { set: new Map(), drop: new Set() };

  if (!openForUpdate) {
    for (const field of SIS_OWNED_FIELDS) {
      if (!same(existing[field], incoming[field])) {
        errors.push({ field, message: 'is managed by the SIS; use Open for Update to change it' });
      }
    }
    for (const list of SEGMENT_LISTS) {
      const kept = new Map((incoming[list] as { id?: string }[]).filter((s) => s.id).map((s) => [s.id, s]));
      for (const segment of existing[list] as readonly { id: string; segmentType: string }[]) {
        if (segment.segmentType !== 'EXTERNAL') continue;
        const now = kept.get(segment.id);
        if (!now || !same(contentOf(now), contentOf(segment))) {
          errors.push({
            field: list as SegmentList,
            message: 'external entries come from the SIS and cannot be changed or removed; use Open for Update',
          });
          break;
        }
      }
    }
  }

  for (const field of protectedExternalFields) {
    const changed =
      field === 'pinNumber'
        ? incoming.pinNumber !== undefined
        : !same(existing[field as Exclude<ProtectedExternalField, 'pinNumber'>], incoming[field]);
    if (!changed) continue;
    const current =
      field === 'pinNumber' ? input.currentPinHash : existing[field as Exclude<ProtectedExternalField, 'pinNumber'>];
    const sisValue = overrides.has(field) ? overrides.get(field) : current;
    const backToSis = field !== 'pinNumber' && same(incoming[field], sisValue);
    if (backToSis || (openForUpdate && keepOnSync[field] === false)) overrideChanges.drop.add(field);
    else overrideChanges.set.set(field, sisValue ?? null);
  }
  return { errors, overrideChanges };
}

/**
 * What a SIS synchronisation makes of a user: its record, except fields staff overrode locally;
 * internal segments kept, external ones replaced by the SIS's (an internal identifier the SIS also
 * sends becomes external).
 */
export function mergeSisRecord(input: {
  existing: UserDto;
  incoming: UserFields;
  overrides: ReadonlyMap<string, unknown>;
}): { fields: UserFields; overrideChanges: OverrideChanges } {
  const { existing, incoming, overrides } = input;
  const overrideChanges: OverrideChanges = { set: new Map(), drop: new Set() };
  const fields: UserFields = { ...incoming, accountType: 'EXTERNAL', pinNumber: incoming.pinNumber };

  for (const [field] of overrides) {
    if (field === 'pinNumber') {
      fields.pinNumber = undefined; // keep the local PIN; its hash stays the override
      continue;
    }
    const local = existing[field as keyof UserDto];
    const sent = incoming[field as keyof UserFields];
    if (same(local, sent)) overrideChanges.drop.add(field);
    else {
      (fields as Record<string, unknown>)[field] = local;
      overrideChanges.set.set(field, sent ?? null);
    }
  }

  const current = userDtoToFields(existing);
  const internal = <T extends { segmentType: string }>(list: T[]) => list.filter((s) => s.segmentType === 'INTERNAL');
  const external = <T extends { segmentType: string; id?: string }>(list: T[]) =>
    list.map(({ id: _id, ...s }) => ({ ...s, segmentType: 'EXTERNAL' }));
  const incomingIds = new Set(incoming.identifiers.map((i) => identifierKey(i.value)));
  fields.identifiers = [
    ...internal(current.identifiers).filter((i) => !incomingIds.has(identifierKey(i.value))),
    ...external(incoming.identifiers),
  ];
  fields.emails = [...internal(current.emails), ...external(incoming.emails)];
  fields.addresses = [...internal(current.addresses), ...external(incoming.addresses)];
  fields.phones = [...internal(current.phones), ...external(incoming.phones)];
  // Roles are internal data: the SIS never changes them.
  fields.roles = current.roles;
  return { fields, overrideChanges };
}
