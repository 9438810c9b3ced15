import { addressTypes, emailTypes, phoneTypes, type SegmentType } from '@ulms/users/contracts';
import type { AddressDto, EmailDto, IdentifierDto, PhoneDto } from '@ulms/users/contracts';
import type { ComponentType, ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { CodeLabel } from '../shared/code-label.js';
import { labelOf } from '../shared/options.js';
import {
  AddressFields,
  type ContactFieldsProps,
  EmailFields,
  IdentifierFields,
  PhoneFields,
} from '../user-form/contact-fields.js';
import {
  addressFormSchema,
  addressValuesOf,
  emailFormSchema,
  emailValuesOf,
  emptyAddress,
  emptyEmail,
  emptyIdentifier,
  emptyPhone,
  identifierFormSchema,
  identifierValuesOf,
  phoneFormSchema,
  phoneValuesOf,
} from '../user-form/user-form.schema.js';

/** What the contact and identifier lists need to know about one kind of entry. */
export interface ContactKind<Dto extends { id: string; segmentType: SegmentType }> {
  /** The list's name in the update input and in the server's field paths. */
  readonly list: 'emails' | 'addresses' | 'phones' | 'identifiers';
  readonly title: string;
  /** "email", "address", …: for button labels. */
  readonly noun: string;
  /** The server's schema of one entry, picked for the fields the dialog shows. */
  readonly schema: z.ZodType<Record<string, unknown>, FieldValues>;
  /** A new entry's values; `first` when the user has none of this kind yet. */
  readonly empty: (first: boolean) => FieldValues;
  readonly valuesOf: (dto: Dto) => FieldValues;
  readonly Fields: ComponentType<ContactFieldsProps>;
  /** The entry in one line, and its types. */
  readonly describe: (dto: Dto) => { readonly main: ReactNode; readonly types: ReactNode };
  /** The kind has a preferred entry (only one of them is). */
  readonly hasPreferred: boolean;
}

/** One line describing an address, for lists. */
export function addressLine(a: AddressDto): string {
  return [
    a.line1,
    a.line2,
    a.line3,
    a.line4,
    a.line5,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.stateProvince,
    a.country,
  ]
    .filter(Boolean)
    .join(', ');
}

const typeNames = (list: Readonly<Record<string, { label: string }>>, codes: readonly string[]) =>
  codes.map((code) => labelOf(list, code)).join(', ');

export const emailKind: ContactKind<EmailDto> = {
  list: 'emails',
  title: 'Email addresses',
  noun: 'email',
  schema: emailFormSchema,
  empty: emptyEmail,
  valuesOf: emailValuesOf,
  Fields: EmailFields,
  describe: (e) => ({ main: e.emailAddress, types: typeNames(emailTypes, e.emailTypes) }),
  hasPreferred: true,
};

export const addressKind: ContactKind<AddressDto> = {
  list: 'addresses',
  title: 'Addresses',
  noun: 'address',
  schema: addressFormSchema,
  empty: emptyAddress,
  valuesOf: addressValuesOf,
  Fields: AddressFields,
  describe: (a) => ({ main: addressLine(a), types: typeNames(addressTypes, a.addressTypes) }),
  hasPreferred: true,
};

export const phoneKind: ContactKind<PhoneDto> = {
  list: 'phones',
  title: 'Phone numbers',
  noun: 'phone',
  schema: phoneFormSchema,
  empty: emptyPhone,
  valuesOf: phoneValuesOf,
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
  hasPreferred: true,
};

export const identifierKind: ContactKind<IdentifierDto> = {
  list: 'identifiers',
  title: 'Identifiers',
  noun: 'identifier',
  schema: identifierFormSchema,
  empty: emptyIdentifier,
  valuesOf: identifierValuesOf,
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
  hasPreferred: false,
};
