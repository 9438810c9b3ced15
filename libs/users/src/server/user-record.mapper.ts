import type { Prisma } from '@prisma/client';
import type { CredentialStatus } from '@ulms/platform';
import type { AccountType, Gender, RecordType, SegmentType, UserStatus } from '../contracts/user-codes.js';
import { identifierKey, PRIMARY_ID_TYPE } from '../contracts/identifiers.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { UserFields } from '../contracts/user.schema.js';
import { fromIsoDate, toIsoDate } from './dates.js';
import { fullNameOf, nameSearchOf, sortNameOf } from './names.js';

const byPosition = { orderBy: { position: 'asc' as const } };

/** Exactly the columns the DTO shows: no hash leaves the repository. */
export const userRecordSelect = {
  id: true,
  version: true,
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
      status: true,
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
    select: { id: true, role: true, scope: true, status: true, expiryDate: true },
    orderBy: [{ role: 'asc' as const }, { scope: 'asc' as const }],
  },
} satisfies Prisma.UserSelect;

export type UserRecordRow = Prisma.UserGetPayload<{
  select: typeof userRecordSelect;
}> & {
  /** The kernel's word on the record's password and second factor; null or absent when it has none. */
  credential?: CredentialStatus | null;
};

const NO_CREDENTIAL: CredentialStatus = { hasPassword: false, mustChangePassword: false, mfaEnabled: false };

// Field by field: no column reaches the DTO unnamed (the hashes stay here), and V8 builds it several
// times faster than from an object rest (measured: 43 µs → a few µs per user on the REST hot path).
export function toUserDto(row: UserRecordRow, pictureUrl: string | null = null): UserDto {
  return {
    id: row.id,
    version: row.version,
    recordType: row.recordType as RecordType,
    accountType: row.accountType as AccountType,
    externalId: row.externalId,
    primaryId: row.primaryId,
    userTitle: row.userTitle,
    firstName: row.firstName,
    middleName: row.middleName,
    lastName: row.lastName,
    prefFirstName: row.prefFirstName,
    prefMiddleName: row.prefMiddleName,
    prefLastName: row.prefLastName,
    fullName: fullNameOf(row),
    jobCategory: row.jobCategory,
    jobDescription: row.jobDescription,
    gender: row.gender as Gender | null,
    userGroup: row.userGroup,
    campusCode: row.campusCode,
    webSiteUrl: row.webSiteUrl,
    preferredLanguage: row.preferredLanguage,
    birthDate: toIsoDate(row.birthDate),
    expiryDate: toIsoDate(row.expiryDate),
    purgeDate: toIsoDate(row.purgeDate),
    status: row.status as UserStatus,
    statusDate: row.statusDate,
    rsLibraries: row.rsLibraries,
    purchaseRequestLibraries: row.purchaseRequestLibraries,
    catalogerLevel: row.catalogerLevel,
    libraryNotices: row.libraryNotices,
    hasPin: row.pinNumberHash !== null,
    hasPassword: (row.credential ?? NO_CREDENTIAL).hasPassword,
    forcePasswordChange: (row.credential ?? NO_CREDENTIAL).mustChangePassword,
    mfaEnabled: (row.credential ?? NO_CREDENTIAL).mfaEnabled,
    identifiers: row.identifiers
      .filter((i) => i.idType !== PRIMARY_ID_TYPE)
      .map((i) => ({
        id: i.id,
        idType: i.idType,
        value: i.value,
        note: i.note,
        status: i.status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE',
        segmentType: i.segmentType as SegmentType,
      })),
    emails: row.emails.map((e) => ({
      id: e.id,
      emailAddress: e.emailAddress,
      emailTypes: e.emailTypes,
      preferred: e.preferred,
      description: e.description,
      segmentType: e.segmentType as SegmentType,
    })),
    addresses: row.addresses.map((a) => ({
      id: a.id,
      line1: a.line1,
      line2: a.line2,
      line3: a.line3,
      line4: a.line4,
      line5: a.line5,
      city: a.city,
      stateProvince: a.stateProvince,
      postalCode: a.postalCode,
      country: a.country,
      addressNote: a.addressNote,
      startDate: toIsoDate(a.startDate),
      endDate: toIsoDate(a.endDate),
      addressTypes: a.addressTypes,
      preferred: a.preferred,
      segmentType: a.segmentType as SegmentType,
    })),
    phones: row.phones.map((p) => ({
      id: p.id,
      phoneNumber: p.phoneNumber,
      phoneTypes: p.phoneTypes,
      preferred: p.preferred,
      preferredSms: p.preferredSms,
      segmentType: p.segmentType as SegmentType,
    })),
    roles: row.roles.map((r) => ({
      id: r.id,
      role: r.role,
      scope: r.scope,
      status: r.status as 'ACTIVE' | 'INACTIVE',
      expiryDate: toIsoDate(r.expiryDate),
    })),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    lastUpdatedByJob: row.lastUpdatedByJob,
    lastPatronActivityDate: toIsoDate(row.lastPatronActivityDate),
    // The SIS's PIN is kept as a hash: say that one exists, never what it is.
    overrides: row.overrides.map((o) => ({
      field: o.field,
      sisValue: o.field === 'pinNumber' ? null : o.sisValue,
    })),
    pictureUrl,
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
  };
}

/** The rows of a user's lists, numbered in the order given. */
export function userChildRows(institutionId: string, userId: string, fields: UserFields & { primaryId: string }) {
  const base = { institutionId, userId };
  return {
    identifiers: [
      {
        idType: PRIMARY_ID_TYPE,
        value: fields.primaryId,
        note: null,
        status: 'ACTIVE',
        segmentType: fields.accountType === 'EXTERNAL' ? 'EXTERNAL' : 'INTERNAL',
      },
      ...fields.identifiers,
    ].map((i, position) => ({
      ...base,
      ...('id' in i && i.id ? { id: i.id } : {}),
      idType: i.idType,
      value: i.value,
      valueKey: identifierKey(i.value),
      note: i.note ?? null,
      status: i.status,
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
      ...(r.id ? { id: r.id } : {}),
      role: r.role,
      scope: r.scope ?? null,
      status: r.status,
      expiryDate: fromIsoDate(r.expiryDate),
    })),
  };
}
