import type { CodeTableEntryInput } from '../code-table.service.js';

/** The demo institution's user groups, identifier types, job categories, titles and campuses. */
export const usersDemoCodeTables: readonly CodeTableEntryInput[] = [
  { table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduate', recordTypes: ['PUBLIC'] },
  { table: 'USER_GROUP', code: 'GRAD', description: 'Graduate', recordTypes: ['PUBLIC'] },
  { table: 'USER_GROUP', code: 'FACULTY', description: 'Faculty', recordTypes: ['PUBLIC'] },
  { table: 'USER_GROUP', code: 'STAFF', description: 'Staff', recordTypes: ['STAFF'] },
  { table: 'USER_GROUP', code: 'ALUMNI', description: 'Alumni', recordTypes: ['PUBLIC'] },
  { table: 'USER_GROUP', code: 'COMMUNITY', description: 'Community borrower', recordTypes: ['PUBLIC'] },
  { table: 'USER_GROUP', code: 'VENDOR', description: 'Vendor contact', recordTypes: ['CONTACT'] },
  { table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' },
  { table: 'IDENTIFIER_TYPE', code: 'UNIV_ID', description: 'University ID' },
  { table: 'IDENTIFIER_TYPE', code: 'ORCID', description: 'ORCID' },
  { table: 'JOB_CATEGORY', code: 'CATALOGER', description: 'Cataloger', recordTypes: ['STAFF'] },
  { table: 'JOB_CATEGORY', code: 'CIRC_ASSISTANT', description: 'Circulation Assistant', recordTypes: ['STAFF'] },
  { table: 'JOB_CATEGORY', code: 'ACQ_OPERATOR', description: 'Acquisitions Operator', recordTypes: ['STAFF'] },
  { table: 'JOB_CATEGORY', code: 'LIBRARIAN', description: 'Librarian', recordTypes: ['STAFF'] },
  { table: 'JOB_CATEGORY', code: 'MANAGER', description: 'Manager', recordTypes: ['STAFF'] },
  { table: 'JOB_CATEGORY', code: 'STUDENT_ASSISTANT', description: 'Student Assistant', recordTypes: ['STAFF'] },
  { table: 'USER_TITLE', code: 'Dr', description: 'Dr.' },
  { table: 'USER_TITLE', code: 'Prof', description: 'Prof.' },
  { table: 'USER_TITLE', code: 'Mr', description: 'Mr.' },
  { table: 'USER_TITLE', code: 'Ms', description: 'Ms.' },
  { table: 'USER_TITLE', code: 'Mx', description: 'Mx.' },
  { table: 'CAMPUS', code: 'MAIN', description: 'Main campus' },
  { table: 'CAMPUS', code: 'MED', description: 'Medical campus' },
];
