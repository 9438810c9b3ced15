import type { FieldError } from '@ulms/platform/contracts';
import {
  addressTypes,
  type CodeTable,
  emailTypes,
  phoneTypes,
  type RecordType,
  recordTypes,
} from '../contracts/user-codes.js';
import { identifierKey } from '../contracts/identifiers.js';
import type { UserFields } from '../contracts/user.schema.js';
import type { ValidationLookups } from '../contracts/code-table-service.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { matchesLinearPattern } from '../contracts/linear-pattern.js';
import {
  identifierFormatError,
  invalidEmailMessage,
  isEmailAddress,
  isLanguageCode,
} from '../contracts/user-field-checks.js';

// Moved to the contracts (the code table service returns it); kept here for those who import it from here.
export type { ValidationLookups } from '../contracts/code-table-service.js';

const codeTableFields: {
  field: keyof UserFields;
  table: CodeTable;
  label: string;
}[] = [
  { field: 'userGroup', table: 'USER_GROUP', label: 'user group' },
  { field: 'jobCategory', table: 'JOB_CATEGORY', label: 'job category' },
  { field: 'userTitle', table: 'USER_TITLE', label: 'user title' },
  { field: 'campusCode', table: 'CAMPUS', label: 'campus' },
];

const mandatoryListFields = {
  email: 'emails',
  identifier: 'identifiers',
  address: 'addresses',
  phone: 'phones',
} as const;

function matches(pattern: string | undefined, value: string | null | undefined): boolean {
  return !pattern || !value || matchesLinearPattern(pattern, value);
}

/** The rules of the reference on one user record, driven by the institution's configuration. */
export function validateUserFields(user: UserFields, config: UsersConfig, lookups: ValidationLookups): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const recordType = user.recordType as RecordType;
  const recordLabel = recordTypes[recordType];

  for (const required of config.registrationForm[recordType]) {
    if (required in mandatoryListFields) {
      const list = mandatoryListFields[required as keyof typeof mandatoryListFields];
      if (user[list].length === 0) fail(list, `at least one is required for ${recordLabel} users`);
    } else if (!user[required as keyof UserFields]) {
      fail(required, 'is required');
    }
  }

  if (!matches(config.primaryIdentifierRegex, user.primaryId))
    fail('primaryId', 'does not have the format this institution requires');

  for (const { field, table, label } of codeTableFields) {
    const code = user[field] as string | null | undefined;
    if (!code) continue;
    const allowed = lookups.codeAllows(table, code);
    if (!allowed) fail(field, `"${code}" is not a ${label} of this institution`);
    else if (allowed.length > 0 && !allowed.includes(recordType))
      fail(field, `${label} "${code}" is not allowed for ${recordLabel} users`);
  }

  // The institution's languages table when it has one; until then any ISO 639 code, so stored values stay valid.
  const language = user.preferredLanguage;
  if (language) {
    const known = lookups.hasEntries('LANGUAGE')
      ? lookups.codeAllows('LANGUAGE', language) !== undefined
      : isLanguageCode(language);
    if (!known) fail('preferredLanguage', `"${language}" is not a language of this institution`);
  }

  user.identifiers.forEach((identifier, i) => {
    if (!lookups.codeAllows('IDENTIFIER_TYPE', identifier.idType)) {
      fail(`identifiers.${i}.idType`, `"${identifier.idType}" is not an identifier type of this institution`);
      return;
    }
    const formats = config.identifierFormats ?? {};
    const formatError = identifierFormatError(
      identifier.value,
      Object.hasOwn(formats, identifier.idType) ? formats[identifier.idType] : undefined,
    );
    if (formatError) fail(`identifiers.${i}.value`, formatError);
  });

  const checkTypes = (path: string, types: readonly string[], known: typeof emailTypes) => {
    types.forEach((type, t) => {
      // Own keys only: "constructor" or "toString" is no contact type.
      const contactType = Object.hasOwn(known, type) ? known[type] : undefined;
      if (!contactType) fail(`${path}.${t}`, `"${type}" is not a known type`);
      else if (!contactType.recordTypes.includes(recordType)) {
        fail(`${path}.${t}`, `type "${contactType.label}" is not allowed for ${recordLabel} users`);
      }
    });
  };
  const onlyOne = (list: 'emails' | 'addresses' | 'phones', flag: 'preferred' | 'preferredSms', what: string) => {
    const flagged = (user[list] as { preferred?: boolean; preferredSms?: boolean }[])
      .map((entry, index) => (entry[flag] ? index : -1))
      .filter((index) => index >= 0);
    for (const index of flagged.slice(1))
      fail(
        `${list}.${index}.${flag}`,
        `only one ${what} can be ${flag === 'preferred' ? 'preferred' : 'preferred for SMS'}`,
      );
  };

  user.emails.forEach((email, i) => {
    checkTypes(`emails.${i}.emailTypes`, email.emailTypes, emailTypes);
    // Every address, whatever its types: the institution's pattern can narrow the format, not drop it.
    if (!isEmailAddress(email.emailAddress) || !matches(config.emailRegex, email.emailAddress))
      fail(`emails.${i}.emailAddress`, invalidEmailMessage);
  });
  user.addresses.forEach((address, i) => {
    checkTypes(`addresses.${i}.addressTypes`, address.addressTypes, addressTypes);
    if (!matches(config.postalCodeRegex, address.postalCode))
      fail(`addresses.${i}.postalCode`, 'does not have the format this institution requires');
    const lineRules = [
      config.addressLine1Regex,
      config.addressLine2Regex,
      config.addressLine3Regex,
      config.addressLine4Regex,
      config.addressLine5Regex,
    ];
    lineRules.forEach((rule, n) => {
      const line = address[`line${n + 1}` as 'line1'];
      if (!matches(rule, line))
        fail(`addresses.${i}.line${n + 1}`, 'does not have the format this institution requires');
    });
    if (address.startDate && address.endDate && address.endDate < address.startDate) {
      fail(`addresses.${i}.endDate`, 'is before the start date');
    }
  });
  user.phones.forEach((phone, i) => {
    checkTypes(`phones.${i}.phoneTypes`, phone.phoneTypes, phoneTypes);
    if (!matches(config.phoneRegex, phone.phoneNumber))
      fail(`phones.${i}.phoneNumber`, 'does not have the format this institution requires');
  });
  onlyOne('emails', 'preferred', 'email');
  onlyOne('addresses', 'preferred', 'address');
  onlyOne('phones', 'preferred', 'phone');
  onlyOne('phones', 'preferredSms', 'phone');

  const checkLibraries = (field: 'rsLibraries' | 'purchaseRequestLibraries') =>
    user[field].forEach((code, i) => {
      if (!lookups.libraryCodes.has(code)) fail(`${field}.${i}`, `"${code}" is not a library of this institution`);
    });
  checkLibraries('rsLibraries');
  checkLibraries('purchaseRequestLibraries');
  user.roles.forEach((role, i) => {
    if (role.scope && !lookups.libraryCodes.has(role.scope))
      fail(`roles.${i}.scope`, `"${role.scope}" is not a library of this institution`);
  });

  return errors;
}

/** Identifiers repeated within one record, look-alikes included (the reference forbids it, primary identifier included). */
export function repeatedIdentifierErrors(user: UserFields & { primaryId: string }): FieldError[] {
  const seen = new Map<string, string>([[identifierKey(user.primaryId), 'the primary identifier']]);
  const errors: FieldError[] = [];
  user.identifiers.forEach((identifier, i) => {
    const key = identifierKey(identifier.value);
    const first = seen.get(key);
    if (first)
      errors.push({
        field: `identifiers.${i}.value`,
        message: `repeats ${first}`,
      });
    else seen.set(key, `identifiers.${i}`);
  });
  return errors;
}
