import type { AlmaUserJson } from './sis-extension-points.js';

/** Top-level fields a CSV cell fills as text. */
const textFields = new Set([
  'primary_id',
  'first_name',
  'middle_name',
  'last_name',
  'job_description',
  'web_site_url',
  'birth_date',
  'expiry_date',
  'purge_date',
  'pref_first_name',
  'pref_middle_name',
  'pref_last_name',
]);

/** Top-level code-table fields a CSV cell fills as `{ value }`. */
const codeFields = new Set([
  'user_title',
  'job_category',
  'gender',
  'user_group',
  'campus_code',
  'preferred_language',
  'status',
  'cataloger_level',
]);

const addressParts = new Set([
  'line1',
  'line2',
  'line3',
  'line4',
  'line5',
  'city',
  'state_province',
  'postal_code',
  'country',
]);

const typePattern = /^[A-Za-z0-9_-]+$/;

type Json = Record<string, unknown>;

/** A mapping target taken apart: what it fills, and the code its dotted part names. */
type CsvTarget =
  | { readonly kind: 'text' | 'code'; readonly field: string }
  | { readonly kind: 'email' | 'phone' | 'identifier' | 'statistic' | 'note'; readonly type: string }
  | { readonly kind: 'address'; readonly type: string; readonly part: string };

/** Examples of mapping targets, for the profile editor's hints. */
export const csvTargetExamples: readonly string[] = [
  'primary_id',
  'first_name',
  'last_name',
  'user_group',
  'expiry_date',
  'email.personal',
  'phone.mobile',
  'address.home.line1',
  'address.home.city',
  'address.home.country',
  'identifier.BARCODE',
  'statistic.PROGRAMME',
  'note.OTHER',
];

const grammarHint =
  'use primary_id, user_group, email.<type>, phone.<type>, address.<type>.<part>, identifier.<ID_TYPE>, …';

const prefixed = new Set(['email', 'phone', 'identifier', 'statistic', 'note']);

/** Reads a target, or says why it is not one. */
function parseTarget(field: string): CsvTarget | string {
  if (textFields.has(field)) return { kind: 'text', field };
  if (codeFields.has(field)) return { kind: 'code', field };
  const [head = '', type, part, ...rest] = field.split('.');
  if (type === undefined) return `"${field}" is not a field: ${grammarHint}`;
  if (head !== 'address' && !prefixed.has(head)) return `"${field}" is not a field: ${grammarHint}`;
  if (!typePattern.test(type)) return `"${type}" in "${field}" may hold letters, digits, - and _ only`;
  if (head === 'address') {
    if (part === undefined || rest.length > 0 || !addressParts.has(part))
      return `"${field}" must end with one of ${[...addressParts].join(', ')} (address.<type>.<part>)`;
    return { kind: 'address', type, part };
  }
  if (part !== undefined) return `"${field}" has one part too many (${head}.<type>)`;
  return { kind: head as 'email' | 'phone' | 'identifier' | 'statistic' | 'note', type };
}

/** Why `field` is not a valid CSV mapping target, or null when it is. */
export function csvTargetError(field: string): string | null {
  const target = parseTarget(field);
  return typeof target === 'string' ? target : null;
}

/** The list at `key` of `object`, created empty when absent. */
function listOf(object: Json, key: string): Json[] {
  const existing = object[key];
  if (Array.isArray(existing)) return existing as Json[];
  const list: Json[] = [];
  object[key] = list;
  return list;
}

function contactInfoOf(user: AlmaUserJson): Json {
  const existing = user['contact_info'];
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return existing as Json;
  const contact: Json = {};
  user['contact_info'] = contact;
  return contact;
}

/** The address of `type` in the user's contact info, added (preferred when it is the first) when absent. */
function addressOf(user: AlmaUserJson, type: string): Json {
  const addresses = listOf(contactInfoOf(user), 'address');
  const found = addresses.find((a) => (a['address_type'] as Json[] | undefined)?.[0]?.['value'] === type);
  if (found) return found;
  const address: Json = {
    address_type: [{ value: type }],
    preferred: addresses.length === 0,
    segment_type: 'External',
  };
  addresses.push(address);
  return address;
}

/** Writes the value of a CSV cell into the user document at the mapping target `field` (a valid target). */
export function applyCsvTarget(user: AlmaUserJson, field: string, value: string): void {
  const target = parseTarget(field);
  if (typeof target === 'string') throw new Error(target);
  switch (target.kind) {
    case 'text':
      user[target.field] = value;
      return;
    case 'code':
      user[target.field] = { value };
      return;
    case 'email': {
      const emails = listOf(contactInfoOf(user), 'email');
      const preferred = emails.length === 0;
      emails.push({ email_address: value, email_type: [{ value: target.type }], preferred, segment_type: 'External' });
      return;
    }
    case 'phone': {
      const phones = listOf(contactInfoOf(user), 'phone');
      const preferred = phones.length === 0;
      phones.push({ phone_number: value, phone_type: [{ value: target.type }], preferred, segment_type: 'External' });
      return;
    }
    case 'address':
      addressOf(user, target.type)[target.part] = target.part === 'country' ? { value } : value;
      return;
    case 'identifier':
      listOf(user, 'user_identifier').push({
        id_type: { value: target.type },
        value,
        status: 'ACTIVE',
        segment_type: 'External',
      });
      return;
    case 'statistic':
      listOf(user, 'user_statistic').push({
        statistic_category: { value },
        category_type: { value: target.type },
        segment_type: 'External',
      });
      return;
    case 'note':
      listOf(user, 'user_note').push({
        note_type: { value: target.type },
        note_text: value,
        user_viewable: false,
        segment_type: 'External',
      });
  }
}
