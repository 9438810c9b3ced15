import type { UserDto } from './user.dto.js';
import type { UserFields } from './user.schema.js';

/** A saved user as editable fields (segment ids kept), the starting point of jobs and SIS merges. */
export function userDtoToFields(user: UserDto): UserFields {
  return {
    recordType: user.recordType,
    accountType: user.accountType,
    externalId: user.externalId,
    primaryId: user.primaryId,
    userTitle: user.userTitle,
    firstName: user.firstName,
    middleName: user.middleName,
    lastName: user.lastName,
    prefFirstName: user.prefFirstName,
    prefMiddleName: user.prefMiddleName,
    prefLastName: user.prefLastName,
    jobCategory: user.jobCategory,
    jobDescription: user.jobDescription,
    gender: user.gender,
    userGroup: user.userGroup,
    campusCode: user.campusCode,
    webSiteUrl: user.webSiteUrl,
    preferredLanguage: user.preferredLanguage,
    birthDate: user.birthDate,
    expiryDate: user.expiryDate,
    purgeDate: user.purgeDate,
    status: user.status,
    rsLibraries: [...user.rsLibraries],
    purchaseRequestLibraries: [...user.purchaseRequestLibraries],
    catalogerLevel: user.catalogerLevel,
    libraryNotices: [...user.libraryNotices],
    pinNumber: undefined,
    password: undefined,
    forcePasswordChange: user.forcePasswordChange,
    identifiers: user.identifiers.map((i) => ({ ...i })),
    emails: user.emails.map((e) => ({ ...e, emailTypes: [...e.emailTypes] })),
    addresses: user.addresses.map((a) => ({ ...a, addressTypes: [...a.addressTypes] })),
    phones: user.phones.map((p) => ({ ...p, phoneTypes: [...p.phoneTypes] })),
    roles: user.roles.map((r) => ({ ...r })),
  };
}
