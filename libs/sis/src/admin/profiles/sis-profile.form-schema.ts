import type { SaveSisProfileInput, SisProfileDto } from '@ulms/sis/contracts';
import { csvTargetError } from '@ulms/sis/contracts';
import type { ProtectedExternalField } from '@ulms/users/contracts';

/** A profile as the form holds it: every text as typed, numbers as text, empty meaning none. */
export interface SisProfileFormValues {
  code: string;
  name: string;
  format: string;
  recordType: 'PUBLIC' | 'STAFF';
  matchBy: 'PRIMARY_ID' | 'IDENTIFIER';
  matchIdType: string;
  mode: 'IMPORT' | 'SYNCHRONIZE';
  defaults: {
    userGroup: string;
    campusCode: string;
    preferredLanguage: string;
    jobCategory: string;
    expiryDays: string;
    purgeDays: string;
  };
  missingUsers: { action: 'NOTHING' | 'DEACTIVATE' | 'EXPIRE'; expireAfterDays: string; purgeAfterDays: string };
  overwriteProtected: ProtectedExternalField[];
  csvMapping: { column: string; field: string }[];
  csvDelimiter: ',' | ';' | '\t' | '|';
  watchFolder: boolean;
}

const text = (value: string | null | undefined) => value ?? '';
const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export const emptyProfile: SisProfileFormValues = {
  code: '',
  name: '',
  format: '',
  recordType: 'PUBLIC',
  matchBy: 'PRIMARY_ID',
  matchIdType: '',
  mode: 'SYNCHRONIZE',
  defaults: { userGroup: '', campusCode: '', preferredLanguage: '', jobCategory: '', expiryDays: '', purgeDays: '' },
  missingUsers: { action: 'NOTHING', expireAfterDays: '0', purgeAfterDays: '' },
  overwriteProtected: [],
  csvMapping: [],
  csvDelimiter: ',',
  watchFolder: false,
};

export function formValuesOf(profile: SisProfileDto): SisProfileFormValues {
  const { settings } = profile;
  return {
    code: profile.code,
    name: settings.name,
    format: settings.format,
    recordType: settings.recordType,
    matchBy: settings.matchBy,
    matchIdType: text(settings.matchIdType),
    mode: settings.mode,
    defaults: {
      userGroup: text(settings.defaults.userGroup),
      campusCode: text(settings.defaults.campusCode),
      preferredLanguage: text(settings.defaults.preferredLanguage),
      jobCategory: text(settings.defaults.jobCategory),
      expiryDays: numberText(settings.defaults.expiryDays),
      purgeDays: numberText(settings.defaults.purgeDays),
    },
    missingUsers: {
      action: settings.missingUsers.action,
      expireAfterDays: numberText(settings.missingUsers.expireAfterDays),
      purgeAfterDays: numberText(settings.missingUsers.purgeAfterDays),
    },
    overwriteProtected: [...settings.overwriteProtected],
    csvMapping: settings.csvMapping.map((m) => ({ ...m })),
    csvDelimiter: settings.csvDelimiter,
    watchFolder: settings.watchFolder,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
/** A number typed, or null when empty; what is not a number goes as NaN for the server to refuse under its field. */
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/** The save the server takes; only the CSV mapping is left out where the format has none. */
export function saveInputOf(
  values: SisProfileFormValues,
  usesColumnMapping: boolean,
  saved?: { id: string; version: number },
): SaveSisProfileInput {
  return {
    ...saved,
    code: values.code,
    settings: {
      name: values.name,
      format: values.format,
      recordType: values.recordType,
      matchBy: values.matchBy,
      matchIdType: values.matchBy === 'IDENTIFIER' ? orNull(values.matchIdType) : null,
      mode: values.mode,
      defaults: {
        userGroup: orNull(values.defaults.userGroup),
        campusCode: orNull(values.defaults.campusCode),
        preferredLanguage: orNull(values.defaults.preferredLanguage),
        jobCategory: orNull(values.defaults.jobCategory),
        expiryDays: numberOrNull(values.defaults.expiryDays),
        purgeDays: numberOrNull(values.defaults.purgeDays),
      },
      missingUsers: {
        action: values.missingUsers.action,
        expireAfterDays: numberOrNull(values.missingUsers.expireAfterDays) ?? 0,
        purgeAfterDays: numberOrNull(values.missingUsers.purgeAfterDays),
      },
      overwriteProtected: values.overwriteProtected,
      csvMapping: usesColumnMapping ? values.csvMapping : [],
      csvDelimiter: values.csvDelimiter,
      watchFolder: values.watchFolder,
    },
  };
}

/** The form's own checks of the mapping, as the server makes them: targets it knows, columns once each. */
export function mappingErrors(mapping: SisProfileFormValues['csvMapping']): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  mapping.forEach((row, index) => {
    const column = row.column.trim();
    if (!column) errors[`csvMapping.${index}.column`] = 'is required';
    else if (seen.has(column)) errors[`csvMapping.${index}.column`] = 'is mapped twice';
    seen.add(column);
    const field = row.field.trim();
    const fieldError = field ? csvTargetError(field) : 'is required';
    if (fieldError) errors[`csvMapping.${index}.field`] = fieldError;
  });
  return errors;
}

/** Field paths as the server names them (`settings.defaults.userGroup`) → the form's (`defaults.userGroup`). */
export function formPathOf(serverPath: string): string {
  return serverPath.startsWith('settings.') ? serverPath.slice('settings.'.length) : serverPath;
}

export const profileFieldLabels: Readonly<Record<string, string>> = {
  code: 'Code',
  name: 'Name',
  format: 'Format',
  recordType: 'Record type',
  matchBy: 'Match by',
  matchIdType: 'Identifier type',
  mode: 'Mode',
  'defaults.userGroup': 'Default user group',
  'defaults.campusCode': 'Default campus',
  'defaults.preferredLanguage': 'Default preferred language',
  'defaults.jobCategory': 'Default job category',
  'defaults.expiryDays': 'Expiry after (days)',
  'defaults.purgeDays': 'Purge after (days)',
  'missingUsers.action': 'Missing users',
  'missingUsers.expireAfterDays': 'Expire after (days)',
  'missingUsers.purgeAfterDays': 'Purge after (days)',
  csvDelimiter: 'Delimiter',
};

export const protectedFieldLabels: Readonly<Record<ProtectedExternalField, string>> = {
  userTitle: 'User title',
  pinNumber: 'PIN number',
  jobCategory: 'Job category',
  userGroup: 'User group',
  campusCode: 'Campus',
  preferredLanguage: 'Preferred language',
  rsLibraries: 'Resource sharing libraries',
  catalogerLevel: 'Cataloger level',
  libraryNotices: 'Library notices',
  prefFirstName: 'Preferred first name',
  prefMiddleName: 'Preferred middle name',
  prefLastName: 'Preferred last name',
};
