import { addressTypes, emailTypes, phoneTypes, type RecordType, type SegmentType } from '@ulms/users/contracts';
import type { AddressDto, EmailDto, IdentifierDto, PhoneDto } from '@ulms/users/contracts';
import type { ComponentType, ReactNode } from 'react';
import { CodeLabel } from '../shared/code-label.js';
import { labelOf } from '../shared/options.js';
import { AddressFields, EmailFields, IdentifierFields, PhoneFields } from '../user-form/contact-fields.js';
import {
  addressInputOf,
  addressLine,
  addressValuesOf,
  emailInputOf,
  emailValuesOf,
  emptyAddress,
  emptyEmail,
  emptyIdentifier,
  emptyPhone,
  identifierInputOf,
  identifierValuesOf,
  phoneInputOf,
  phoneValuesOf,
} from '../user-form/contact-values.js';

/** What the contact and identifier lists need to know about one kind of entry. */
export interface ContactKind<Dto extends { id: string; segmentType: SegmentType }, Values> {
  /** The list's name in the update input and in the server's field paths. */
  readonly list: 'emails' | 'addresses' | 'phones' | 'identifiers';
  readonly title: string;
  /** "email", "address", …: for button labels. */
  readonly noun: string;
  readonly empty: Values;
  readonly valuesOf: (dto: Dto) => Values;
  readonly inputOf: (values: Values, segmentType: SegmentType, id?: string) => object;
  readonly Fields: ComponentType<{
    values: Values;
    onChange: (patch: Partial<Values>) => void;
    errors: Readonly<Record<string, string>>;
    recordType: RecordType;
    required?: boolean;
  }>;
  /** The entry in one line, and its types. */
  readonly describe: (dto: Dto) => { readonly main: ReactNode; readonly types: ReactNode };
  readonly isPreferred?: (values: Values) => boolean;
}

const typeNames = (list: Readonly<Record<string, { label: string }>>, codes: readonly string[]) =>
  codes.map((code) => labelOf(list, code)).join(', ');

export const emailKind: ContactKind<EmailDto, ReturnType<typeof emailValuesOf>> = {
  list: 'emails',
  title: 'Email addresses',
  noun: 'email',
  empty: emptyEmail,
  valuesOf: emailValuesOf,
  inputOf: emailInputOf,
  Fields: EmailFields,
  describe: (e) => ({ main: e.emailAddress, types: typeNames(emailTypes, e.emailTypes) }),
  isPreferred: (v) => v.preferred,
};

export const addressKind: ContactKind<AddressDto, ReturnType<typeof addressValuesOf>> = {
  list: 'addresses',
  title: 'Addresses',
  noun: 'address',
  empty: emptyAddress,
  valuesOf: addressValuesOf,
  inputOf: addressInputOf,
  Fields: AddressFields,
  describe: (a) => ({ main: addressLine(a), types: typeNames(addressTypes, a.addressTypes) }),
  isPreferred: (v) => v.preferred,
};

export const phoneKind: ContactKind<PhoneDto, ReturnType<typeof phoneValuesOf>> = {
  list: 'phones',
  title: 'Phone numbers',
  noun: 'phone',
  empty: emptyPhone,
  valuesOf: phoneValuesOf,
  inputOf: phoneInputOf,
  Fields: PhoneFields,
  describe: (p) => ({
    main: (
      <>
        {p.phoneNumber}
        {p.preferredSms ? <span className="badge badge--off users-flag">SMS</span> : null}
      </>
    ),
    types: typeNames(phoneTypes, p.phoneTypes),
  }),
  isPreferred: (v) => v.preferred,
};

export const identifierKind: ContactKind<IdentifierDto, ReturnType<typeof identifierValuesOf>> = {
  list: 'identifiers',
  title: 'Identifiers',
  noun: 'identifier',
  empty: emptyIdentifier,
  valuesOf: identifierValuesOf,
  inputOf: identifierInputOf,
  Fields: IdentifierFields,
  describe: (i) => ({
    main: (
      <>
        <code>{i.value}</code>
        {i.note ? <span className="muted"> — {i.note}</span> : null}
      </>
    ),
    types: <CodeLabel table="IDENTIFIER_TYPE" code={i.idType} />,
  }),
};
