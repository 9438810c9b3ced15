import {
  type AccountType,
  type AddressDto,
  addressInput,
  createUserInput,
  type EmailDto,
  emailInput,
  type IdentifierDto,
  identifierFormatError,
  identifierInput,
  type PhoneDto,
  phoneInput,
  type RecordType,
  type UserDto,
  userFields,
  type UsersConfig,
  type UserStatus,
} from '@ulms/users/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';

// The forms validate with the server's own schemas (`userFields`, `emailInput`, …), picked for what each form
// shows. Inputs hold text, so an empty one is the server's "none" (or, for PIN and password, "keep it").

const blankAsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const blankAsOmitted = (value: unknown) => (value === '' ? undefined : value);
/** The server's schema for a text input or select, where blank means none. */
export const fromInput = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsNull, schema);

/** The free-text and single-choice fields of General Information. */
const generalPick = {
  primaryId: true,
  userTitle: true,
  firstName: true,
  middleName: true,
  lastName: true,
  prefFirstName: true,
  prefMiddleName: true,
  prefLastName: true,
  jobCategory: true,
  jobDescription: true,
  gender: true,
  userGroup: true,
  campusCode: true,
  webSiteUrl: true,
  preferredLanguage: true,
  birthDate: true,
  expiryDate: true,
  purgeDate: true,
} as const;
export type GeneralFieldName = keyof typeof generalPick;
export const generalFieldNames = Object.keys(generalPick) as GeneralFieldName[];

const generalShape = userFields.pick(generalPick).shape;
type FromInput<S extends Record<string, z.ZodType>> = { [K in keyof S]: ReturnType<typeof fromInput<S[K]>> };
const generalTextShape = Object.fromEntries(
  Object.entries(generalShape).map(([name, schema]) => [name, fromInput(schema)]),
) as FromInput<typeof generalShape>;

const generalFormShape = {
  ...generalTextShape,
  recordType: userFields.shape.recordType,
  accountType: userFields.shape.accountType,
  status: userFields.shape.status,
  pinNumber: z.preprocess(blankAsOmitted, userFields.shape.pinNumber),
  generatePin: createUserInput.shape.generatePin,
  password: z.preprocess(blankAsOmitted, userFields.shape.password),
  passwordVerify: z.string(),
  forcePasswordChange: userFields.shape.forcePasswordChange,
};

const passwordsMatch = (v: { password?: string | null; passwordVerify: string }) =>
  (v.password ?? '') === v.passwordVerify;
const passwordsMatchIssue = { path: ['passwordVerify'], message: 'does not match the password' };

/** react-hook-form's zod resolver, typed with the values as the form holds them (text where the schema takes `unknown`). */
export function resolverOf<V extends FieldValues, O>(schema: z.ZodType<O, FieldValues>): Resolver<V, unknown, O> {
  return zodResolver(schema) as unknown as Resolver<V, unknown, O>;
}

/** General Information with PIN and password, as on the General tab. */
export const generalFormSchema = z.object(generalFormShape).refine(passwordsMatch, passwordsMatchIssue);
export type GeneralFormOutput = z.output<typeof generalFormSchema>;

/** The form's values: text ('' for none) and the PIN and password pair. */
export type GeneralFormValues = Record<GeneralFieldName, string> & {
  recordType: RecordType;
  accountType: AccountType;
  status: UserStatus;
  pinNumber: string;
  generatePin: boolean;
  password: string;
  passwordVerify: string;
  forcePasswordChange: boolean;
};

export function generalFormValuesOf(user: UserDto | null, recordType: RecordType = 'PUBLIC'): GeneralFormValues {
  const text = Object.fromEntries(generalFieldNames.map((name) => [name, user?.[name] ?? ''])) as Record<
    GeneralFieldName,
    string
  >;
  return {
    ...text,
    recordType: user?.recordType ?? recordType,
    accountType: user?.accountType ?? 'INTERNAL',
    status: user?.status ?? 'ACTIVE',
    pinNumber: '',
    generatePin: false,
    password: '',
    passwordVerify: '',
    forcePasswordChange: false,
  };
}

/** The output in the shape of the create and update inputs: the confirmation dropped, a contact has no group. */
export function generalInputOf({ passwordVerify: _confirmation, ...fields }: GeneralFormOutput) {
  return {
    ...fields,
    userGroup: fields.recordType === 'CONTACT' ? null : fields.userGroup,
    ...(fields.generatePin ? { pinNumber: undefined } : {}),
  };
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

// One email, address, phone or identifier, as the contact dialogs and Add user hold it.

export const emailFormSchema = emailInput.pick({
  emailAddress: true,
  emailTypes: true,
  preferred: true,
  description: true,
});
export const addressFormSchema = addressInput
  .pick({
    line1: true,
    line2: true,
    line3: true,
    city: true,
    stateProvince: true,
    postalCode: true,
    country: true,
    addressNote: true,
    addressTypes: true,
    preferred: true,
  })
  .extend({ startDate: fromInput(addressInput.shape.startDate), endDate: fromInput(addressInput.shape.endDate) });
export const phoneFormSchema = phoneInput.pick({
  phoneNumber: true,
  phoneTypes: true,
  preferred: true,
  preferredSms: true,
});
export const identifierFormSchema = identifierInput.pick({ idType: true, value: true, note: true });
export type IdentifierFormats = UsersConfig['identifierFormats'];

/** One identifier, its value also checked against the institution's format for its type (an ORCID check digit, say). */
export function identifierFormSchemaFor(formats: IdentifierFormats) {
  return identifierFormSchema.superRefine((entry, ctx) => {
    const message = identifierFormatError(entry.value, formats?.[entry.idType]);
    if (message) ctx.addIssue({ code: 'custom', path: ['value'], message });
  });
}

export interface EmailFormValues {
  emailAddress: string;
  emailTypes: string[];
  preferred: boolean;
  description: string;
}
export interface AddressFormValues {
  line1: string;
  line2: string;
  line3: string;
  city: string;
  stateProvince: string;
  postalCode: string;
  country: string;
  addressNote: string;
  startDate: string;
  endDate: string;
  addressTypes: string[];
  preferred: boolean;
}
export interface PhoneFormValues {
  phoneNumber: string;
  phoneTypes: string[];
  preferred: boolean;
  preferredSms: boolean;
}
export interface IdentifierFormValues {
  idType: string;
  value: string;
  note: string;
}

/** A new entry; `preferred` only when it is the first of its kind. */
export const emptyEmail = (preferred: boolean): EmailFormValues => ({
  emailAddress: '',
  emailTypes: [],
  preferred,
  description: '',
});
export const emptyAddress = (preferred: boolean): AddressFormValues => ({
  line1: '',
  line2: '',
  line3: '',
  city: '',
  stateProvince: '',
  postalCode: '',
  country: '',
  addressNote: '',
  startDate: '',
  endDate: '',
  addressTypes: [],
  preferred,
});
export const emptyPhone = (preferred: boolean): PhoneFormValues => ({
  phoneNumber: '',
  phoneTypes: [],
  preferred,
  preferredSms: false,
});
export const emptyIdentifier = (): IdentifierFormValues => ({ idType: '', value: '', note: '' });

export const emailValuesOf = (e: EmailDto): EmailFormValues => ({
  emailAddress: e.emailAddress,
  emailTypes: [...e.emailTypes],
  preferred: e.preferred,
  description: e.description ?? '',
});
export const phoneValuesOf = (p: PhoneDto): PhoneFormValues => ({
  phoneNumber: p.phoneNumber,
  phoneTypes: [...p.phoneTypes],
  preferred: p.preferred,
  preferredSms: p.preferredSms,
});
export const identifierValuesOf = (i: IdentifierDto): IdentifierFormValues => ({
  idType: i.idType,
  value: i.value,
  note: i.note ?? '',
});
export const addressValuesOf = (a: AddressDto): AddressFormValues => ({
  line1: a.line1 ?? '',
  line2: a.line2 ?? '',
  line3: a.line3 ?? '',
  city: a.city ?? '',
  stateProvince: a.stateProvince ?? '',
  postalCode: a.postalCode ?? '',
  country: a.country ?? '',
  addressNote: a.addressNote ?? '',
  startDate: a.startDate ?? '',
  endDate: a.endDate ?? '',
  addressTypes: [...a.addressTypes],
  preferred: a.preferred,
});

/** Whether the person typed anything in an optional block of Add user (so it is sent and validated). */
const isFilled = {
  email: (v: EmailFormValues) => v.emailAddress.trim() !== '',
  address: (v: AddressFormValues) => [v.line1, v.line2, v.line3, v.city, v.postalCode].some((s) => s.trim() !== ''),
  phone: (v: PhoneFormValues) => v.phoneNumber.trim() !== '',
  identifier: (v: IdentifierFormValues) => v.value.trim() !== '',
};

/** Everything on Add user: one of each kind of entry, at index 0 of its list as the server names them. */
export type QuickAddFormValues = GeneralFormValues & {
  emails: EmailFormValues[];
  addresses: AddressFormValues[];
  phones: PhoneFormValues[];
  identifiers: IdentifierFormValues[];
};

export function emptyQuickAdd(recordType: RecordType): QuickAddFormValues {
  return {
    ...generalFormValuesOf(null, recordType),
    emails: [emptyEmail(true)],
    addresses: [emptyAddress(true)],
    phones: [emptyPhone(true)],
    identifiers: [emptyIdentifier()],
  };
}

/** Add user's schema: an entry is sent (and validated) when filled in or required by the registration rules. */
export function quickAddFormSchema(
  required: ReadonlySet<string>,
  recordType: RecordType,
  identifierFormats: IdentifierFormats,
) {
  const sentWhen =
    <V>(name: string, filled: (value: V) => boolean) =>
    (list: unknown) =>
      Array.isArray(list) ? (list as V[]).filter((value) => required.has(name) || filled(value)) : list;
  return z
    .object({
      ...generalFormShape,
      emails: z.preprocess(sentWhen('email', isFilled.email), z.array(emailFormSchema)),
      addresses: z.preprocess(sentWhen('address', isFilled.address), z.array(addressFormSchema)),
      phones: z.preprocess(sentWhen('phone', isFilled.phone), z.array(phoneFormSchema)),
      identifiers: z.preprocess(
        (list) => (recordType === 'CONTACT' ? [] : sentWhen('identifier', isFilled.identifier)(list)),
        z.array(identifierFormSchemaFor(identifierFormats)),
      ),
    })
    .refine(passwordsMatch, passwordsMatchIssue);
}
export type QuickAddFormOutput = z.output<ReturnType<typeof quickAddFormSchema>>;
