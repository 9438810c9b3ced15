import type { AddressDto, EmailDto, IdentifierDto, PhoneDto, SegmentType } from '@ulms/users/contracts';
import { textOrNull } from './user-form-values.js';

export interface EmailValues {
  readonly emailAddress: string;
  readonly emailTypes: readonly string[];
  readonly preferred: boolean;
  readonly description: string;
}

export interface AddressValues {
  readonly line1: string;
  readonly line2: string;
  readonly line3: string;
  readonly city: string;
  readonly stateProvince: string;
  readonly postalCode: string;
  readonly country: string;
  readonly addressNote: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly addressTypes: readonly string[];
  readonly preferred: boolean;
}

export interface PhoneValues {
  readonly phoneNumber: string;
  readonly phoneTypes: readonly string[];
  readonly preferred: boolean;
  readonly preferredSms: boolean;
}

export interface IdentifierValues {
  readonly idType: string;
  readonly value: string;
  readonly note: string;
}

export const emptyEmail: EmailValues = { emailAddress: '', emailTypes: [], preferred: true, description: '' };
export const emptyAddress: AddressValues = {
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
  preferred: true,
};
export const emptyPhone: PhoneValues = { phoneNumber: '', phoneTypes: [], preferred: true, preferredSms: false };
export const emptyIdentifier: IdentifierValues = { idType: '', value: '', note: '' };

export const emailValuesOf = (e: EmailDto): EmailValues => ({ ...e, description: e.description ?? '' });
export const phoneValuesOf = (p: PhoneDto): PhoneValues => ({ ...p });
export const identifierValuesOf = (i: IdentifierDto): IdentifierValues => ({ ...i, note: i.note ?? '' });
export const addressValuesOf = (a: AddressDto): AddressValues => ({
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
  addressTypes: a.addressTypes,
  preferred: a.preferred,
});

/** Whether the person typed anything in an optional block (so it is sent and validated). */
export const isFilled = {
  email: (v: EmailValues) => v.emailAddress.trim() !== '',
  address: (v: AddressValues) => [v.line1, v.line2, v.line3, v.city, v.postalCode].some((s) => s.trim() !== ''),
  phone: (v: PhoneValues) => v.phoneNumber.trim() !== '',
  identifier: (v: IdentifierValues) => v.value.trim() !== '',
};

export function emailInputOf(v: EmailValues, segmentType: SegmentType, id?: string) {
  return {
    ...(id ? { id } : {}),
    emailAddress: v.emailAddress.trim(),
    emailTypes: [...v.emailTypes],
    preferred: v.preferred,
    description: textOrNull(v.description),
    segmentType,
  };
}

export function addressInputOf(v: AddressValues, segmentType: SegmentType, id?: string) {
  return {
    ...(id ? { id } : {}),
    line1: textOrNull(v.line1),
    line2: textOrNull(v.line2),
    line3: textOrNull(v.line3),
    city: textOrNull(v.city),
    stateProvince: textOrNull(v.stateProvince),
    postalCode: textOrNull(v.postalCode),
    country: textOrNull(v.country),
    addressNote: textOrNull(v.addressNote),
    startDate: textOrNull(v.startDate),
    endDate: textOrNull(v.endDate),
    addressTypes: [...v.addressTypes],
    preferred: v.preferred,
    segmentType,
  };
}

export function phoneInputOf(v: PhoneValues, segmentType: SegmentType, id?: string) {
  return {
    ...(id ? { id } : {}),
    phoneNumber: v.phoneNumber.trim(),
    phoneTypes: [...v.phoneTypes],
    preferred: v.preferred,
    preferredSms: v.preferredSms,
    segmentType,
  };
}

export function identifierInputOf(v: IdentifierValues, segmentType: SegmentType, id?: string) {
  return { ...(id ? { id } : {}), idType: v.idType, value: v.value.trim(), note: textOrNull(v.note), segmentType };
}

/** One line describing an address, for lists. */
export function addressLine(a: AddressDto): string {
  return [a.line1, a.line2, a.line3, a.line4, a.line5, [a.postalCode, a.city].filter(Boolean).join(' '), a.stateProvince, a.country]
    .filter(Boolean)
    .join(', ');
}
