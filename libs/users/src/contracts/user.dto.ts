import type { FieldError } from '@ulms/platform/contracts';
import type { AccountType, Gender, RecordType, SegmentType, UserStatus } from './user-codes.js';

export interface IdentifierDto {
  readonly id: string;
  readonly idType: string;
  readonly value: string;
  readonly note: string | null;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly segmentType: SegmentType;
}

export interface EmailDto {
  readonly id: string;
  readonly emailAddress: string;
  readonly emailTypes: readonly string[];
  readonly preferred: boolean;
  readonly description: string | null;
  readonly segmentType: SegmentType;
}

export interface AddressDto {
  readonly id: string;
  readonly line1: string | null;
  readonly line2: string | null;
  readonly line3: string | null;
  readonly line4: string | null;
  readonly line5: string | null;
  readonly city: string | null;
  readonly stateProvince: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly addressNote: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly addressTypes: readonly string[];
  readonly preferred: boolean;
  readonly segmentType: SegmentType;
}

export interface PhoneDto {
  readonly id: string;
  readonly phoneNumber: string;
  readonly phoneTypes: readonly string[];
  readonly preferred: boolean;
  readonly preferredSms: boolean;
  readonly segmentType: SegmentType;
}

export interface RoleDto {
  readonly id: string;
  readonly role: string;
  readonly scope: string | null;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly expiryDate: string | null;
}

/** The whole user record as staff see it. PIN and password are never returned, only whether they are set. */
export interface UserDto {
  readonly id: string;
  /** Raised by every save; an update sends back the version it read. */
  readonly version: number;
  readonly recordType: RecordType;
  readonly accountType: AccountType;
  readonly externalId: string | null;
  readonly primaryId: string;
  readonly userTitle: string | null;
  readonly firstName: string | null;
  readonly middleName: string | null;
  readonly lastName: string | null;
  readonly prefFirstName: string | null;
  readonly prefMiddleName: string | null;
  readonly prefLastName: string | null;
  readonly fullName: string;
  readonly jobCategory: string | null;
  readonly jobDescription: string | null;
  readonly gender: Gender | null;
  readonly userGroup: string | null;
  readonly campusCode: string | null;
  readonly webSiteUrl: string | null;
  readonly preferredLanguage: string | null;
  readonly birthDate: string | null;
  readonly expiryDate: string | null;
  readonly purgeDate: string | null;
  readonly status: UserStatus;
  readonly statusDate: Date;
  readonly rsLibraries: readonly string[];
  readonly purchaseRequestLibraries: readonly string[];
  readonly catalogerLevel: string | null;
  readonly libraryNotices: readonly string[];
  readonly hasPin: boolean;
  readonly hasPassword: boolean;
  readonly forcePasswordChange: boolean;
  readonly mfaEnabled: boolean;
  readonly identifiers: readonly IdentifierDto[];
  readonly emails: readonly EmailDto[];
  readonly addresses: readonly AddressDto[];
  readonly phones: readonly PhoneDto[];
  readonly roles: readonly RoleDto[];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly lastUpdatedByJob: string | null;
  readonly lastPatronActivityDate: string | null;
  /** Protected fields of an external user changed locally, with the value the SIS sent. */
  readonly overrides: readonly { readonly field: string; readonly sisValue: unknown }[];
  /** Derived from the institution's photo settings; null when none are configured. */
  readonly pictureUrl: string | null;
}

/** Users sharing first name, last name and birth date with the one being saved. */
export interface PossibleDuplicate {
  readonly id: string;
  readonly primaryId: string;
  readonly fullName: string;
}

/** The outcome of a save: the user, or a warning to confirm (nothing saved). */
export type SaveUserResult =
  | {
      readonly status: 'saved';
      readonly user: UserDto;
      /** A generated PIN no letter carries, shown to staff once. */
      readonly generatedPin?: string;
      /** A generated PIN went to the user in the PIN Number Generation letter (and is shown nowhere else). */
      readonly pinSent?: boolean;
    }
  | { readonly status: 'duplicateWarning'; readonly duplicates: readonly PossibleDuplicate[] };

/** One row of Find and Manage Users. */
/** A user's own columns as lists show them, without the record's lists (`UserSearchService.summaries`). */
export type UserSummary = Omit<UserListRow, 'extra'>;

export interface UserListRow {
  readonly id: string;
  readonly active: boolean;
  readonly primaryId: string;
  readonly fullName: string;
  readonly accountType: AccountType;
  readonly recordType: RecordType;
  readonly jobCategory: string | null;
  readonly userGroup: string | null;
  readonly status: UserStatus;
  readonly expiryDate: string | null;
  /** Values of the columns other modules contribute, by column id. */
  readonly extra: Readonly<Record<string, string | number | boolean | null>>;
}

export interface UserListPage {
  /** Exact up to 1,000 (or always, with `exactTotal`); past it, 1,000 and `totalIsLowerBound` is true. */
  readonly total: number;
  readonly totalIsLowerBound: boolean;
  readonly rows: readonly UserListRow[];
  readonly columns: readonly { readonly id: string; readonly title: string }[];
  /** The other modules' search filters the institution offers (`filters` of the search). */
  readonly filters: readonly { readonly id: string; readonly label: string; readonly placeholder: string | null }[];
}

export interface CodeTableEntryDto {
  readonly table: string;
  readonly code: string;
  readonly description: string;
  readonly recordTypes: readonly RecordType[];
  readonly active: boolean;
}

export type { FieldError };
