import type { RecordType, UserDto, UserStatus } from '@ulms/users/contracts';

/** The free-text and single-choice fields of General Information, held as strings ('' for none). */
export const generalFieldNames = [
  'primaryId',
  'userTitle',
  'firstName',
  'middleName',
  'lastName',
  'prefFirstName',
  'prefMiddleName',
  'prefLastName',
  'jobCategory',
  'jobDescription',
  'gender',
  'userGroup',
  'campusCode',
  'webSiteUrl',
  'preferredLanguage',
  'birthDate',
  'expiryDate',
  'purgeDate',
] as const;
export type GeneralFieldName = (typeof generalFieldNames)[number];

export type GeneralValues = Record<GeneralFieldName, string> & {
  readonly recordType: RecordType;
  readonly status: UserStatus;
};

/** PIN and password as the form holds them; empty means "leave as it is". */
export interface CredentialValues {
  readonly pinNumber: string;
  readonly generatePin: boolean;
  readonly password: string;
  readonly passwordVerify: string;
  readonly forcePasswordChange: boolean;
}

export const fieldLabels: Readonly<Record<string, string>> = {
  recordType: 'Record type',
  primaryId: 'Primary identifier',
  userTitle: 'Title',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  prefFirstName: 'Preferred first name',
  prefMiddleName: 'Preferred middle name',
  prefLastName: 'Preferred last name',
  jobCategory: 'Job category',
  jobDescription: 'Job description',
  gender: 'Gender',
  userGroup: 'User group',
  campusCode: 'Campus',
  webSiteUrl: 'Website URL',
  preferredLanguage: 'Preferred language',
  birthDate: 'Birth date',
  expiryDate: 'Expiration date',
  purgeDate: 'Purge date',
  status: 'Status',
  pinNumber: 'PIN number',
  password: 'Password',
  passwordVerify: 'Verify password',
};

export function emptyGeneralValues(recordType: RecordType): GeneralValues {
  const blank = Object.fromEntries(generalFieldNames.map((name) => [name, ''])) as Record<GeneralFieldName, string>;
  return { ...blank, recordType, status: 'ACTIVE' };
}

export const emptyCredentials: CredentialValues = {
  pinNumber: '',
  generatePin: false,
  password: '',
  passwordVerify: '',
  forcePasswordChange: false,
};

/** The form values of a saved user. */
export function generalValuesOf(user: UserDto): GeneralValues {
  const values = Object.fromEntries(generalFieldNames.map((name) => [name, user[name] ?? ''])) as Record<
    GeneralFieldName,
    string
  >;
  return { ...values, recordType: user.recordType, status: user.status };
}

/** Text as the server takes it: trimmed, with empty meaning none. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The general fields in the shape of the create and update inputs. */
export function generalInputOf(values: GeneralValues) {
  const fields = Object.fromEntries(generalFieldNames.map((name) => [name, textOrNull(values[name])])) as Record<
    GeneralFieldName,
    string | null
  >;
  return { ...fields, recordType: values.recordType, status: values.status };
}

/** Errors found before asking the server: the password pair and the PIN shape. */
export function credentialErrors(values: CredentialValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.pinNumber && !/^\d{4}$/.test(values.pinNumber)) errors['pinNumber'] = 'must be four digits';
  if (values.password !== values.passwordVerify) errors['passwordVerify'] = 'does not match the password';
  return errors;
}

/** PIN and password in the shape of the inputs: omitted when left empty, so the current ones are kept. */
export function credentialInputOf(values: CredentialValues) {
  return {
    ...(values.generatePin ? { generatePin: true } : values.pinNumber ? { pinNumber: values.pinNumber } : {}),
    ...(values.password ? { password: values.password } : {}),
    forcePasswordChange: values.forcePasswordChange,
  };
}
