import type { Prisma } from '@prisma/client';
import type {
  AccountType,
  Gender,
  RecordType,
  SegmentType,
  UserStatus,
} from '../contracts/user-codes.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { UserFields } from '../contracts/user.schema.js';
import { fromIsoDate, toIsoDate } from './dates.js';
import { fullNameOf, nameSearchOf, sortNameOf } from './names.js';

export const PRIMARY_ID_TYPE = 'PRIMARY';

const byPosition = { orderBy: { position: 'asc' as const } };

/** Exactly the columns the DTO shows: no hash leaves the repository. */
export const userRecordSelect = {
  id: true,
  recordType: true,
  accountType: true,
  externalId: true,
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
  status: true,
  statusDate: true,
  rsLibraries: true,
  purchaseRequestLibraries: true,
  catalogerLevel: true,
  libraryNotices: true,
  pinNumberHash: true,
  passwordHash: true,
  forcePasswordChange: true,
  mfaEnabled: true,
  createdBy: true,
  createdAt: true,
  updatedBy: true,
  updatedAt: true,
  lastUpdatedByJob: true,
  lastPatronActivityDate: true,
  overrides: {
    select: { field: true, sisValue: true },
    orderBy: { field: 'asc' as const },
  },
  identifiers: {
    select: {
      id: true,
      idType: true,
      value: true,
      note: true,
      segmentType: true,
    },
    ...byPosition,
  },
  emails: {
    select: {
      id: true,
      emailAddress: true,
      emailTypes: true,
      preferred: true,
      description: true,
      segmentType: true,
    },
    ...byPosition,
  },
  addresses: {
    select: {
      id: true,
      line1: true,
      line2: true,
      line3: true,
      line4: true,
      line5: true,
      city: true,
      stateProvince: true,
      postalCode: true,
      country: true,
      addressNote: true,
      startDate: true,
      endDate: true,
      addressTypes: true,
      preferred: true,
      segmentType: true,
    },
    ...byPosition,
  },
  phones: {
    select: {
      id: true,
      phoneNumber: true,
      phoneTypes: true,
      preferred: true,
      preferredSms: true,
      segmentType: true,
    },
    ...byPosition,
  },
  roles: {
    select: { role: true, scope: true, status: true, expiryDate: true },
    orderBy: { role: 'asc' as const },
  },
} satisfies Prisma.UserSelect;

export type UserRecordRow = Prisma.UserGetPayload<{
  select: typeof userRecordSelect;
}>;

export function toUserDto(
  row: UserRecordRow,
  pictureUrl: string | null = null,
): UserDto {
  const {
    pinNumberHash,
    passwordHash,
    identifiers,
    addresses,
    roles,
    overrides,
    ...rest
  } = row;
  return {
    ...rest,
    pictureUrl,
    lastPatronActivityDate: toIsoDate(row.lastPatronActivityDate),
    // The SIS's PIN is kept as a hash: say that one exists, never what it is.
    overrides: overrides.map((o) => ({
      field: o.field,
      sisValue: o.field === 'pinNumber' ? null : o.sisValue,
    })),
    recordType: row.recordType as RecordType,
    accountType: row.accountType as AccountType,
    gender: row.gender as Gender | null,
    status: row.status as UserStatus,
    birthDate: toIsoDate(row.birthDate),
    expiryDate: toIsoDate(row.expiryDate),
    purgeDate: toIsoDate(row.purgeDate),
    fullName: fullNameOf(row),
    hasPin: pinNumberHash !== null,
    hasPassword: passwordHash !== null,
    identifiers: identifiers
      .filter((i) => i.idType !== PRIMARY_ID_TYPE)
      .map((i) => ({ ...i, segmentType: i.segmentType as SegmentType })),
    emails: row.emails.map((e) => ({
      ...e,
      segmentType: e.segmentType as SegmentType,
    })),
    addresses: addresses.map((a) => ({
      ...a,
      startDate: toIsoDate(a.startDate),
      endDate: toIsoDate(a.endDate),
      segmentType: a.segmentType as SegmentType,
    })),
    phones: row.phones.map((p) => ({
      ...p,
      segmentType: p.segmentType as SegmentType,
    })),
    roles: roles.map((r) => ({
      ...r,
      status: r.status as 'ACTIVE' | 'INACTIVE',
      expiryDate: toIsoDate(r.expiryDate),
    })),
  };
}

/** The scalar columns of a user from validated fields (hashes and audit columns are the service's). */
export function userColumns(fields: UserFields & { primaryId: string }) {
  return {
    recordType: fields.recordType,
    accountType: fields.accountType,
    externalId: fields.externalId ?? null,
    primaryId: fields.primaryId,
    userTitle: fields.userTitle ?? null,
    firstName: fields.firstName ?? null,
    middleName: fields.middleName ?? null,
    lastName: fields.lastName ?? null,
    prefFirstName: fields.prefFirstName ?? null,
    prefMiddleName: fields.prefMiddleName ?? null,
    prefLastName: fields.prefLastName ?? null,
    nameSearch: nameSearchOf(fields),
    sortName: sortNameOf(fields),
    jobCategory: fields.jobCategory ?? null,
    jobDescription: fields.jobDescription ?? null,
    gender: fields.gender ?? null,
    userGroup: fields.userGroup ?? null,
    campusCode: fields.campusCode ?? null,
    webSiteUrl: fields.webSiteUrl ?? null,
    preferredLanguage: fields.preferredLanguage ?? null,
    birthDate: fromIsoDate(fields.birthDate),
    expiryDate: fromIsoDate(fields.expiryDate),
    purgeDate: fromIsoDate(fields.purgeDate),
    status: fields.status,
    rsLibraries: fields.rsLibraries,
    purchaseRequestLibraries: fields.purchaseRequestLibraries,
    catalogerLevel: fields.catalogerLevel ?? null,
    libraryNotices: fields.libraryNotices,
    forcePasswordChange: fields.forcePasswordChange,
    mfaEnabled: fields.mfaEnabled,
  };
}

/** The rows of a user's lists, numbered in the order given. */
export function userChildRows(
  institutionId: string,
  userId: string,
  fields: UserFields & { primaryId: string },
) {
  const base = { institutionId, userId };
  return {
    identifiers: [
      {
        idType: PRIMARY_ID_TYPE,
        value: fields.primaryId,
        note: null,
        segmentType:
          fields.accountType === 'EXTERNAL' ? 'EXTERNAL' : 'INTERNAL',
      },
      ...fields.identifiers,
    ].map((i, position) => ({
      ...base,
      ...('id' in i && i.id ? { id: i.id } : {}),
      idType: i.idType,
      value: i.value,
      valueKey: i.value.toLowerCase(),
      note: i.note ?? null,
      segmentType: i.segmentType,
      position,
    })),
    emails: fields.emails.map((e, position) => ({
      ...base,
      ...(e.id ? { id: e.id } : {}),
      emailAddress: e.emailAddress,
      addressKey: e.emailAddress.toLowerCase(),
      emailTypes: e.emailTypes,
      preferred: e.preferred,
      description: e.description ?? null,
      segmentType: e.segmentType,
      position,
    })),
    addresses: fields.addresses.map((a, position) => ({
      ...base,
      ...(a.id ? { id: a.id } : {}),
      line1: a.line1 ?? null,
      line2: a.line2 ?? null,
      line3: a.line3 ?? null,
      line4: a.line4 ?? null,
      line5: a.line5 ?? null,
      city: a.city ?? null,
      stateProvince: a.stateProvince ?? null,
      postalCode: a.postalCode ?? null,
      country: a.country ?? null,
      addressNote: a.addressNote ?? null,
      startDate: fromIsoDate(a.startDate),
      endDate: fromIsoDate(a.endDate),
      addressTypes: a.addressTypes,
      preferred: a.preferred,
      segmentType: a.segmentType,
      position,
    })),
    phones: fields.phones.map((p, position) => ({
      ...base,
      ...(p.id ? { id: p.id } : {}),
      phoneNumber: p.phoneNumber,
      phoneTypes: p.phoneTypes,
      preferred: p.preferred,
      preferredSms: p.preferredSms,
      segmentType: p.segmentType,
      position,
    })),
    roles: fields.roles.map((r) => ({
      ...base,
      role: r.role,
      scope: r.scope ?? null,
      status: r.status,
      expiryDate: fromIsoDate(r.expiryDate),
    })),
  };
}
