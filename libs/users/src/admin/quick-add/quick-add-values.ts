import type { CreateUserInput, RecordType } from '@ulms/users/contracts';
import {
  type AddressValues,
  addressInputOf,
  type EmailValues,
  emailInputOf,
  emptyAddress,
  emptyEmail,
  emptyIdentifier,
  emptyPhone,
  type IdentifierValues,
  identifierInputOf,
  isFilled,
  type PhoneValues,
  phoneInputOf,
} from '../user-form/contact-values.js';
import {
  type CredentialValues,
  credentialInputOf,
  emptyCredentials,
  emptyGeneralValues,
  type GeneralValues,
  generalInputOf,
} from '../user-form/user-form-values.js';

/** Everything on the Quick User Management page. */
export interface QuickAddValues {
  readonly general: GeneralValues;
  readonly credentials: CredentialValues;
  readonly email: EmailValues;
  readonly address: AddressValues;
  readonly phone: PhoneValues;
  readonly identifier: IdentifierValues;
}

export function emptyQuickAdd(recordType: RecordType): QuickAddValues {
  return {
    general: emptyGeneralValues(recordType),
    credentials: emptyCredentials,
    email: emptyEmail,
    address: emptyAddress,
    phone: emptyPhone,
    identifier: emptyIdentifier,
  };
}

/**
 * The create input: contact blocks are sent when filled in or required, so the server's messages
 * land on them (each block is the first of its list, index 0).
 */
export function createInputOf(values: QuickAddValues, required: ReadonlySet<string>, confirmDuplicate: boolean): CreateUserInput {
  const { general } = values;
  const send = (filled: boolean, name: string) => filled || required.has(name);
  const withIdentifier = general.recordType !== 'CONTACT' && send(isFilled.identifier(values.identifier), 'identifier');
  return {
    ...generalInputOf(general),
    userGroup: general.recordType === 'CONTACT' ? null : generalInputOf(general).userGroup,
    ...credentialInputOf(values.credentials),
    emails: send(isFilled.email(values.email), 'email') ? [emailInputOf(values.email, 'INTERNAL')] : [],
    addresses: send(isFilled.address(values.address), 'address') ? [addressInputOf(values.address, 'INTERNAL')] : [],
    phones: send(isFilled.phone(values.phone), 'phone') ? [phoneInputOf(values.phone, 'INTERNAL')] : [],
    identifiers: withIdentifier ? [identifierInputOf(values.identifier, 'INTERNAL')] : [],
    confirmDuplicate,
  };
}
