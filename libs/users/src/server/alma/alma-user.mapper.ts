import { ValidationError } from '@ulms/platform';
import { builtInRoles, type FieldError } from '@ulms/platform/contracts';
import {
  accountTypes,
  addressTypes,
  type CodeTable,
  emailTypes,
  genders,
  phoneTypes,
  recordTypes,
  type SegmentType,
  userStatuses,
} from '../../contracts/user-codes.js';
import type { UserDto } from '../../contracts/user.dto.js';
import type { CreateUserInput } from '../../contracts/user.schema.js';
import {
  almaPhoneTypeOf,
  almaPhoneTypes,
  almaRoleTypeOf,
  almaRoleTypes,
  almaSegmentTypeOf,
  ownRoleTypes,
  roleOfRoleType,
} from './alma-codes.js';
import type { AlmaLabels } from './alma-labels.js';
import {
  asList,
  asObject,
  carriesData,
  readCode,
  readDate,
  readFlag,
  readText,
  writeCode,
  writeDate,
} from './alma-values.js';

/** A note of the document, as the notes tab stores it. */
export interface AlmaNoteFields {
  readonly noteType: string;
  readonly text: string;
  readonly popUp: boolean;
  readonly userViewable: boolean;
  readonly segmentType: string;
}

/** A statistic of the document, as the statistics tab stores it. */
export interface AlmaStatisticFields {
  readonly categoryType: string;
  readonly category: string;
  readonly note: string | null;
  readonly segmentType: string;
}

/** A field of the document that another module owns (`user_block`, `proxy_for_user`, a list of `fees`). */
export interface AlmaForeignField {
  readonly field: string;
  readonly value: unknown;
}

/**
 * An Alma user document read into our create input. Nothing it carries is lost without a word: what we do
 * not model is listed in `unmapped`, values we cannot take in `errors` (with the document's own paths),
 * other modules' fields in `foreign`. Notes and statistics are undefined when the document has no such key.
 */
export interface AlmaUserFields {
  readonly fields: CreateUserInput;
  readonly notes: AlmaNoteFields[] | undefined;
  readonly statistics: AlmaStatisticFields[] | undefined;
  readonly foreign: AlmaForeignField[];
  readonly unmapped: string[];
  readonly errors: FieldError[];
}

/** Where an Alma document's role scopes point: the institution's libraries, and its own code (institution-wide). */
export interface AlmaScopes {
  readonly libraryCodes: ReadonlySet<string>;
  readonly institutionCode?: string;
}

/** How `userDtoToAlma` describes codes and institution-wide roles. */
export interface AlmaOutputOptions {
  /** Descriptions of the institution's codes; without one, desc repeats the code. */
  readonly labels?: AlmaLabels;
  /** The scope written on roles that hold institution-wide (our scope null); omitted when not given. */
  readonly institution?: { readonly code: string; readonly name: string };
}

/** Fields of the document that other modules store; the module named must take them, or they are refused. */
export const foreignFieldModules: Readonly<Record<string, string>> = {
  user_block: 'blocks',
  proxy_for_user: 'proxies',
};

/**
 * Top-level fields we read. Alma's read-only `full_name`, `status_date`, `last_patron_activity_date`, `link`
 * and the `expand` summaries (`loans`, `requests`, and `fees` as a total) are ours to derive, so they are skipped.
 */
const knownFields = new Set([
  'link',
  'loans',
  'requests',
  'fees',
  'user_note',
  'user_statistic',
  ...Object.keys(foreignFieldModules),
  'record_type',
  'account_type',
  'external_id',
  'primary_id',
  'user_title',
  'first_name',
  'middle_name',
  'last_name',
  'pref_first_name',
  'pref_middle_name',
  'pref_last_name',
  'full_name',
  'job_category',
  'job_description',
  'gender',
  'user_group',
  'campus_code',
  'web_site_url',
  'preferred_language',
  'birth_date',
  'expiry_date',
  'purge_date',
  'status',
  'status_date',
  'last_patron_activity_date',
  'rs_library',
  'purchase_request_library',
  'cataloger_level',
  'library_notice',
  'pin_number',
  'password',
  'force_password_change',
  'contact_info',
  'user_identifier',
  'user_role',
]);
const knownAddressFields = new Set([
  'line1',
  'line2',
  'line3',
  'line4',
  'line5',
  'city',
  'state_province',
  'postal_code',
  'country',
  'address_note',
  'start_date',
  'end_date',
  'address_type',
  'preferred',
  'segment_type',
]);
const knownEmailFields = new Set(['email_address', 'email_type', 'preferred', 'description', 'segment_type']);
const knownPhoneFields = new Set(['phone_number', 'phone_type', 'preferred', 'preferred_sms', 'segment_type']);
const knownIdentifierFields = new Set(['id_type', 'value', 'note', 'segment_type', 'status']);
const knownRoleFields = new Set(['role_type', 'scope', 'status', 'expiry_date', 'parameter']);
// created_by and created_date are the system's to set.
const knownNoteFields = new Set([
  'note_type',
  'note_text',
  'user_viewable',
  'popup_note',
  'segment_type',
  'created_by',
  'created_date',
]);
const knownStatisticFields = new Set(['statistic_category', 'category_type', 'statistic_note', 'segment_type']);

/** Collects the paths of values a record carries outside the fields we model. */
function unknownFieldsOf(
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
  into: string[],
): void {
  for (const [key, value] of Object.entries(object)) {
    if (!known.has(key) && carriesData(value)) into.push(path ? `${path}.${key}` : key);
  }
}

/** "Internal"/"External" as our INTERNAL/EXTERNAL; other words are passed on for validation to refuse. */
const readSegmentType = (value: unknown): string | undefined => readText(value)?.toUpperCase();

const readCodes = (value: unknown): string[] =>
  asList(value)
    .map(readCode)
    .filter((c): c is string => c !== null);
const readListCodes = (value: unknown): string[] =>
  asList(value)
    .map((entry) => readCode(asObject(entry)?.['code']))
    .filter((c): c is string => c !== null);

/** `fees` is a derived total on a user (`{value, currency, link}`); a list of fees is data for the fines module. */
function foreignFieldsOf(user: Record<string, unknown>): AlmaForeignField[] {
  // An empty list is kept too: with PUT's "swap all", `user_block: []` removes the user's blocks.
  const foreign = Object.keys(foreignFieldModules)
    .filter((field) => carriesData(user[field]) || Array.isArray(user[field]))
    .map((field) => ({ field, value: user[field] }));
  if (Array.isArray(user['fees']) && carriesData(user['fees'])) foreign.push({ field: 'fees', value: user['fees'] });
  return foreign;
}

/**
 * Reads an Alma user JSON document into our create input. A role's scope must be a library of
 * `scopes.libraryCodes` or the institution's own code (institution-wide, our null). Codes are passed on as
 * given, so that validation refuses the ones this institution does not know.
 */
export function almaUserToFields(json: unknown, scopes: AlmaScopes = { libraryCodes: new Set() }): AlmaUserFields {
  const user = asObject(json);
  if (!user) throw ValidationError.of('user', 'must be an Alma user JSON object');
  const unmapped: string[] = [];
  const errors: FieldError[] = [];
  unknownFieldsOf(user, knownFields, '', unmapped);
  if (carriesData(user['fees']) && !Array.isArray(user['fees']) && !asObject(user['fees'])) unmapped.push('fees');

  const contact = asObject(user['contact_info']) ?? {};
  unknownFieldsOf(contact, new Set(['address', 'email', 'phone']), 'contact_info', unmapped);

  const addresses = asList(contact['address']).map((entry, i) => {
    const a = asObject(entry) ?? {};
    unknownFieldsOf(a, knownAddressFields, `contact_info.address[${i}]`, unmapped);
    return {
      line1: readText(a['line1']),
      line2: readText(a['line2']),
      line3: readText(a['line3']),
      line4: readText(a['line4']),
      line5: readText(a['line5']),
      city: readText(a['city']),
      stateProvince: readText(a['state_province']),
      postalCode: readText(a['postal_code']),
      country: readCode(a['country']),
      addressNote: readText(a['address_note']),
      startDate: readDate(a['start_date']),
      endDate: readDate(a['end_date']),
      addressTypes: readCodes(a['address_type']),
      preferred: readFlag(a['preferred']),
      segmentType: readSegmentType(a['segment_type']),
    };
  });
  const emails = asList(contact['email']).map((entry, i) => {
    const e = asObject(entry) ?? {};
    unknownFieldsOf(e, knownEmailFields, `contact_info.email[${i}]`, unmapped);
    return {
      emailAddress: readText(e['email_address']) ?? '',
      emailTypes: readCodes(e['email_type']),
      preferred: readFlag(e['preferred']),
      description: readText(e['description']),
      segmentType: readSegmentType(e['segment_type']),
    };
  });
  const phones = asList(contact['phone']).map((entry, i) => {
    const p = asObject(entry) ?? {};
    unknownFieldsOf(p, knownPhoneFields, `contact_info.phone[${i}]`, unmapped);
    return {
      phoneNumber: readText(p['phone_number']) ?? '',
      phoneTypes: readCodes(p['phone_type']).map(
        (code) => (Object.hasOwn(almaPhoneTypes, code) ? almaPhoneTypes[code] : undefined) ?? code,
      ),
      preferred: readFlag(p['preferred']),
      preferredSms: readFlag(p['preferred_sms']),
      segmentType: readSegmentType(p['segment_type']),
    };
  });
  const identifiers = asList(user['user_identifier']).map((entry, i) => {
    const id = asObject(entry) ?? {};
    unknownFieldsOf(id, knownIdentifierFields, `user_identifier[${i}]`, unmapped);
    const status = readCode(id['status']);
    return {
      idType: readCode(id['id_type']) ?? '',
      value: readText(id['value']) ?? '',
      note: readText(id['note']),
      // Unknown words are passed on for validation to refuse.
      ...(status ? { status: status.toUpperCase() as 'ACTIVE' } : {}),
      segmentType: readSegmentType(id['segment_type']),
    };
  });
  const roles = asList(user['user_role']).flatMap((entry, i) => {
    const r = asObject(entry) ?? {};
    const roleType = readCode(r['role_type']);
    const role = roleType ? roleOfRoleType(roleType) : undefined;
    unknownFieldsOf(r, knownRoleFields, `user_role[${i}]`, unmapped);
    if (carriesData(r['parameter'])) unmapped.push(`user_role[${i}].parameter`);
    if (!role) {
      errors.push({
        field: `user_role[${i}].role_type`,
        message: roleType
          ? `"${roleType}" is not a role type this system has (known: ${knownRoleTypes})`
          : 'is required',
      });
      return [];
    }
    const scope = readCode(r['scope']);
    const library = scope !== null && scopes.libraryCodes.has(scope);
    if (scope !== null && !library && scope !== scopes.institutionCode) {
      errors.push({
        field: `user_role[${i}].scope`,
        message: `"${scope}" is neither a library of this institution nor the institution itself${scopes.institutionCode ? ` (${scopes.institutionCode})` : ''}`,
      });
      return [];
    }
    const status = readCode(r['status'])?.toUpperCase() ?? 'ACTIVE';
    return [
      { role, scope: library ? scope : null, status: status as 'ACTIVE', expiryDate: readDate(r['expiry_date']) },
    ];
  });
  const notes =
    user['user_note'] === undefined
      ? undefined
      : asList(user['user_note']).map((entry, i) => {
          const n = asObject(entry) ?? {};
          unknownFieldsOf(n, knownNoteFields, `user_note[${i}]`, unmapped);
          return {
            noteType: readCode(n['note_type']) ?? 'GENERAL',
            text: readText(n['note_text']) ?? '',
            popUp: readFlag(n['popup_note']),
            userViewable: readFlag(n['user_viewable']),
            segmentType: readSegmentType(n['segment_type']) ?? 'INTERNAL',
          };
        });
  const statistics =
    user['user_statistic'] === undefined
      ? undefined
      : asList(user['user_statistic']).map((entry, i) => {
          const st = asObject(entry) ?? {};
          unknownFieldsOf(st, knownStatisticFields, `user_statistic[${i}]`, unmapped);
          return {
            categoryType: readCode(st['category_type']) ?? '',
            category: readCode(st['statistic_category']) ?? '',
            note: readText(st['statistic_note']),
            segmentType: readSegmentType(st['segment_type']) ?? 'INTERNAL',
          };
        });

  const pinNumber = readText(user['pin_number']);
  const password = readText(user['password']);
  const accountType = readCode(user['account_type']);
  const status = readCode(user['status']);
  const fields: CreateUserInput = {
    recordType: readCode(user['record_type']) ?? '',
    ...(accountType ? { accountType } : {}),
    externalId: readText(user['external_id']),
    primaryId: readText(user['primary_id']),
    userTitle: readCode(user['user_title']),
    firstName: readText(user['first_name']),
    middleName: readText(user['middle_name']),
    lastName: readText(user['last_name']),
    prefFirstName: readText(user['pref_first_name']),
    prefMiddleName: readText(user['pref_middle_name']),
    prefLastName: readText(user['pref_last_name']),
    jobCategory: readCode(user['job_category']),
    jobDescription: readText(user['job_description']),
    gender: readCode(user['gender']),
    userGroup: readCode(user['user_group']),
    campusCode: readCode(user['campus_code']),
    webSiteUrl: readText(user['web_site_url']),
    preferredLanguage: readCode(user['preferred_language']),
    birthDate: readDate(user['birth_date']),
    expiryDate: readDate(user['expiry_date']),
    purgeDate: readDate(user['purge_date']),
    ...(status ? { status } : {}),
    rsLibraries: readListCodes(user['rs_library']),
    purchaseRequestLibraries: readListCodes(user['purchase_request_library']),
    catalogerLevel: readCode(user['cataloger_level']),
    libraryNotices: asList(user['library_notice']).flatMap((entry) => {
      const notice = asObject(entry) ?? {};
      const code = readCode(notice['code']);
      return code && (notice['value'] === undefined || readFlag(notice['value'])) ? [code] : [];
    }),
    // Alma leaves PIN and password unchanged when they are empty; so do we by omitting them.
    ...(pinNumber ? { pinNumber } : {}),
    ...(password ? { password } : {}),
    forcePasswordChange: readFlag(user['force_password_change']),
    identifiers,
    emails,
    addresses,
    phones,
    roles,
  };
  return { fields, notes, statistics, foreign: foreignFieldsOf(user), unmapped, errors };
}

const knownRoleTypes = [
  ...Object.entries(almaRoleTypes).map(([code, role]) => `${code} ${role}`),
  ...ownRoleTypes,
].join(', ');

const languageNames = new Intl.DisplayNames('en', { type: 'language' });

/** English name of a language code ("no" is "Norwegian"), undefined when the code is not a language tag. */
function languageName(code: string): string | undefined {
  try {
    return languageNames.of(code);
  } catch {
    return undefined;
  }
}

const labelOf = (list: Readonly<Record<string, { label: string } | string>>, code: string): string | undefined => {
  const entry = list[code];
  return typeof entry === 'string' ? entry : entry?.label;
};

/** Our user as Alma user JSON. PIN and password are never written. */
export function userDtoToAlma(user: UserDto, options: AlmaOutputOptions = {}): Record<string, unknown> {
  const { labels, institution } = options;
  const fixed = (list: Readonly<Record<string, { label: string } | string>>, code: string) =>
    writeCode(code, labelOf(list, code));
  const optionalCode = (code: string | null, desc: (code: string) => string | undefined) =>
    code === null ? { value: null, desc: null } : writeCode(code, desc(code));
  const tableCode = (table: CodeTable) => (code: string | null) =>
    optionalCode(code, (c) => labels?.codeTable(table, c));
  const libraryCode = (code: string) => ({ code: writeCode(code, labels?.library(code)) });
  const segmentType = (type: SegmentType) => almaSegmentTypeOf[type];

  return {
    record_type: fixed(recordTypes, user.recordType),
    account_type: fixed(accountTypes, user.accountType),
    external_id: user.externalId,
    primary_id: user.primaryId,
    user_title: tableCode('USER_TITLE')(user.userTitle),
    first_name: user.firstName,
    middle_name: user.middleName,
    last_name: user.lastName,
    pref_first_name: user.prefFirstName,
    pref_middle_name: user.prefMiddleName,
    pref_last_name: user.prefLastName,
    full_name: [user.firstName, user.middleName, user.lastName].filter(Boolean).join(' '),
    job_category: tableCode('JOB_CATEGORY')(user.jobCategory),
    job_description: user.jobDescription,
    gender: optionalCode(user.gender, (c) => labelOf(genders, c)),
    user_group: tableCode('USER_GROUP')(user.userGroup),
    campus_code: tableCode('CAMPUS')(user.campusCode),
    web_site_url: user.webSiteUrl,
    preferred_language: optionalCode(user.preferredLanguage, languageName),
    birth_date: writeDate(user.birthDate),
    expiry_date: writeDate(user.expiryDate),
    purge_date: writeDate(user.purgeDate),
    status: fixed(userStatuses, user.status),
    status_date: writeDate(user.statusDate.toISOString().slice(0, 10)),
    last_patron_activity_date: writeDate(user.lastPatronActivityDate),
    rs_library: user.rsLibraries.map(libraryCode),
    purchase_request_library: user.purchaseRequestLibraries.map(libraryCode),
    cataloger_level: optionalCode(user.catalogerLevel, () => undefined),
    library_notice: user.libraryNotices.map((code) => ({ code: writeCode(code, undefined), value: true })),
    force_password_change: user.forcePasswordChange,
    contact_info: {
      address: user.addresses.map((a) => ({
        line1: a.line1,
        line2: a.line2,
        line3: a.line3,
        line4: a.line4,
        line5: a.line5,
        city: a.city,
        state_province: a.stateProvince,
        postal_code: a.postalCode,
        country: optionalCode(a.country, () => undefined),
        address_note: a.addressNote,
        start_date: writeDate(a.startDate),
        end_date: writeDate(a.endDate),
        address_type: a.addressTypes.map((type) => fixed(addressTypes, type)),
        preferred: a.preferred,
        segment_type: segmentType(a.segmentType),
      })),
      email: user.emails.map((e) => ({
        email_address: e.emailAddress,
        email_type: e.emailTypes.map((type) => fixed(emailTypes, type)),
        preferred: e.preferred,
        description: e.description,
        segment_type: segmentType(e.segmentType),
      })),
      phone: user.phones.map((p) => ({
        phone_number: p.phoneNumber,
        phone_type: p.phoneTypes.map((type) => writeCode(almaPhoneTypeOf[type] ?? type, labelOf(phoneTypes, type))),
        preferred: p.preferred,
        preferred_sms: p.preferredSms,
        segment_type: segmentType(p.segmentType),
      })),
    },
    user_identifier: user.identifiers.map((i) => ({
      id_type: writeCode(i.idType, labels?.codeTable('IDENTIFIER_TYPE', i.idType)),
      value: i.value,
      note: i.note,
      status: i.status,
      segment_type: segmentType(i.segmentType),
    })),
    user_role: user.roles.map((r) => ({
      role_type: writeCode(almaRoleTypeOf[r.role] ?? r.role, labelOf(builtInRoles, r.role)),
      ...(r.scope
        ? { scope: writeCode(r.scope, labels?.library(r.scope)) }
        : institution
          ? { scope: writeCode(institution.code, institution.name) }
          : {}),
      status: fixed(userStatuses, r.status),
      expiry_date: writeDate(r.expiryDate),
    })),
  };
}
