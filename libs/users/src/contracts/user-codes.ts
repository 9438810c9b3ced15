/** Fixed lists of the user record, after the reference. Values are the Alma codes. */
export const recordTypes = { STAFF: 'Staff', PUBLIC: 'Public', CONTACT: 'Contact' } as const;
export type RecordType = keyof typeof recordTypes;
export const recordTypeCodes = Object.keys(recordTypes) as RecordType[];

export const accountTypes = {
  INTERNAL: 'Internal',
  EXTERNAL: 'External',
  INTERNAL_WITH_EXTERNAL_AUTH: 'Internal with external authentication',
} as const;
export type AccountType = keyof typeof accountTypes;
export const accountTypeCodes = Object.keys(accountTypes) as AccountType[];

export const userStatuses = { ACTIVE: 'Active', INACTIVE: 'Inactive' } as const;
export type UserStatus = keyof typeof userStatuses;

export const genders = { MALE: 'Male', FEMALE: 'Female', OTHER: 'Other', NONE: 'None' } as const;
export type Gender = keyof typeof genders;

export const segmentTypes = { INTERNAL: 'Internal', EXTERNAL: 'External' } as const;
export type SegmentType = keyof typeof segmentTypes;

/** A contact type with the record types that may use it (the reference's "(contact only)" and so on). */
interface ContactType {
  readonly label: string;
  readonly recordTypes: readonly RecordType[];
}

const ALL: RecordType[] = ['STAFF', 'PUBLIC', 'CONTACT'];
const CONTACT_ONLY: RecordType[] = ['CONTACT'];
const STAFF_PUBLIC: RecordType[] = ['STAFF', 'PUBLIC'];
const PUBLIC_ONLY: RecordType[] = ['PUBLIC'];

export const emailTypes: Record<string, ContactType> = {
  alternative: { label: 'Alternative', recordTypes: STAFF_PUBLIC },
  claim: { label: 'Claim', recordTypes: CONTACT_ONLY },
  order: { label: 'Order', recordTypes: CONTACT_ONLY },
  payment: { label: 'Payment', recordTypes: CONTACT_ONLY },
  returns: { label: 'Returns', recordTypes: CONTACT_ONLY },
  personal: { label: 'Personal', recordTypes: ALL },
  work: { label: 'Work', recordTypes: ALL },
  school: { label: 'School', recordTypes: PUBLIC_ONLY },
};

export const addressTypes: Record<string, ContactType> = {
  claim: { label: 'Claim', recordTypes: CONTACT_ONLY },
  order: { label: 'Order', recordTypes: CONTACT_ONLY },
  payment: { label: 'Payment', recordTypes: CONTACT_ONLY },
  returns: { label: 'Returns', recordTypes: CONTACT_ONLY },
  home: { label: 'Home', recordTypes: ALL },
  work: { label: 'Work', recordTypes: ALL },
  alternative: { label: 'Alternative', recordTypes: PUBLIC_ONLY },
  school: { label: 'School', recordTypes: PUBLIC_ONLY },
};

export const phoneTypes: Record<string, ContactType> = {
  home: { label: 'Home', recordTypes: ALL },
  mobile: { label: 'Mobile', recordTypes: ALL },
  office: { label: 'Office', recordTypes: ALL },
  claimFax: { label: 'Claim fax', recordTypes: CONTACT_ONLY },
  claimPhone: { label: 'Claim phone', recordTypes: CONTACT_ONLY },
  orderFax: { label: 'Order fax', recordTypes: CONTACT_ONLY },
  orderPhone: { label: 'Order phone', recordTypes: CONTACT_ONLY },
  paymentFax: { label: 'Payment fax', recordTypes: CONTACT_ONLY },
  paymentPhone: { label: 'Payment phone', recordTypes: CONTACT_ONLY },
  returnsFax: { label: 'Returns fax', recordTypes: CONTACT_ONLY },
  returnsPhone: { label: 'Returns phone', recordTypes: CONTACT_ONLY },
  officeFax: { label: 'Office fax', recordTypes: STAFF_PUBLIC },
};

/** The configurable code tables of the users module. */
export const codeTables = {
  USER_GROUP: 'User groups',
  JOB_CATEGORY: 'Job categories',
  USER_TITLE: 'User titles',
  IDENTIFIER_TYPE: 'Identifier types',
  CAMPUS: 'Campuses',
  STATISTIC_CATEGORY_TYPE: 'Statistical category types',
  STATISTIC_CATEGORY: 'Statistical categories',
  LANGUAGE: 'Languages',
} as const;
export type CodeTable = keyof typeof codeTables;
export const codeTableNames = Object.keys(codeTables) as CodeTable[];

/** Note types: a fixed list, the same for every institution, for information only. */
export const noteTypes = {
  ADDRESS: 'Address',
  BARCODE: 'Barcode',
  CIRCULATION: 'Circulation',
  ERP: 'ERP',
  GENERAL: 'General',
  LIBRARY: 'Library',
  OTHER: 'Other',
  POPUP: 'Pop-up',
  REGISTAR: 'Registrar',
} as const;
export type NoteType = keyof typeof noteTypes;

/**
 * General Information fields of an external user that staff may change without "Open for Update";
 * a change is kept as a local override that SIS synchronisation does not overwrite.
 */
export const protectedExternalFields = [
  'userTitle',
  'pinNumber',
  'jobCategory',
  'userGroup',
  'campusCode',
  'preferredLanguage',
  'rsLibraries',
  'catalogerLevel',
  'libraryNotices',
  'prefFirstName',
  'prefMiddleName',
  'prefLastName',
] as const;
export type ProtectedExternalField = (typeof protectedExternalFields)[number];

/** Changes the History tab records (the reference's list). */
export const historyFields = {
  primaryId: 'User name',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  prefFirstName: 'Preferred first name',
  prefMiddleName: 'Preferred middle name',
  prefLastName: 'Preferred last name',
  userTitle: 'User title',
  pinNumber: 'PIN number',
  jobCategory: 'Job category',
  jobDescription: 'Job title',
  campusCode: 'Campus code',
  userGroup: 'User group',
  preferredLanguage: 'User language',
  expiryDate: 'Expiry date',
  purgeDate: 'Purge date',
  rsLibraries: 'Resource sharing library',
  catalogerLevel: 'Cataloger level',
  recordType: 'Record type',
  password: 'Password',
  addresses: 'Address',
  phones: 'Phone',
  identifiers: 'Identifiers',
  notes: 'Notes',
  blocks: 'Blocks',
  proxyFor: 'Proxy for',
  courses: 'Courses',
  roles: 'Roles',
} as const;
export type HistoryField = keyof typeof historyFields;
