import { almaSample } from '../../testing/alma-samples.js';
import { describe, expect, it } from 'vitest';
import type { UserDto } from '../../contracts/user.dto.js';
import { almaLabelsOf } from './alma-labels.js';
import { almaUserToFields, userDtoToAlma } from './alma-user.mapper.js';

describe('almaUserToFields', () => {
  it('reads the Temple University sample: what it cannot take is named, nothing dropped in silence', () => {
    const { fields, unmapped, errors, notes, statistics, foreign } = almaUserToFields(
      almaSample('tulibraries_single_user.json'),
      {
        libraryCodes: new Set(['110.121']),
      },
    );
    expect(fields).toEqual({
      recordType: 'PUBLIC',
      accountType: 'INTERNAL',
      externalId: null,
      primaryId: 'johns',
      userTitle: null,
      firstName: 'John',
      middleName: null,
      lastName: 'Smith',
      prefFirstName: null,
      prefMiddleName: null,
      prefLastName: null,
      jobCategory: 'Cataloger',
      jobDescription: 'The best cataloger',
      gender: 'FEMALE',
      userGroup: '08',
      campusCode: 'Main',
      webSiteUrl: null,
      preferredLanguage: 'en',
      birthDate: '1979-01-11',
      expiryDate: '2030-01-16',
      purgeDate: '2021-01-20',
      status: 'ACTIVE',
      rsLibraries: [],
      purchaseRequestLibraries: [],
      catalogerLevel: null,
      libraryNotices: [],
      forcePasswordChange: false,
      identifiers: [{ idType: '02', value: 'johns02', note: null, status: 'ACTIVE', segmentType: undefined }],
      emails: [
        {
          emailAddress: 'johns@mylib.org',
          emailTypes: ['personal'],
          preferred: true,
          description: null,
          segmentType: undefined,
        },
        {
          emailAddress: 'johns@myOTHERlib.org',
          emailTypes: ['personal'],
          preferred: false,
          description: null,
          segmentType: undefined,
        },
      ],
      addresses: [
        {
          line1: 'Main Street 1',
          line2: 'Nice building near the corner',
          line3: null,
          line4: null,
          line5: null,
          city: 'London',
          stateProvince: null,
          postalCode: null,
          country: null,
          addressNote: null,
          startDate: '2013-12-26',
          endDate: null,
          addressTypes: ['home'],
          preferred: false,
          segmentType: undefined,
        },
      ],
      phones: [
        {
          phoneNumber: '123456789',
          phoneTypes: ['home', 'office'],
          preferred: true,
          preferredSms: false,
          segmentType: undefined,
        },
      ],
      roles: [{ role: 'PATRON', scope: '110.121', status: 'ACTIVE', expiryDate: null }],
    });
    expect(unmapped).toEqual([]);
    expect(errors).toEqual([
      {
        field: 'user_role[1].role_type',
        message: expect.stringMatching(/^"204" is not a role type this system has \(known: .*200 PATRON/),
      },
    ]);
    expect(notes).toEqual([
      {
        noteType: 'ADDRESS',
        text: 'His address was changed a month ago',
        popUp: false,
        userViewable: true,
        segmentType: 'INTERNAL',
      },
    ]);
    expect(statistics).toEqual([{ categoryType: '', category: 'Graduate', note: null, segmentType: 'INTERNAL' }]);
    expect(foreign).toEqual([{ field: 'user_block', value: expect.any(Array) }]);
  });

  it('reads the Oslo sample: segment types, resource sharing library, institution-wide patron role', () => {
    const { fields, unmapped } = almaUserToFields(almaSample('scriptotek_user_response.json'), {
      libraryCodes: new Set(['1030310']),
      institutionCode: '47BIBSYS_UBO',
    });
    expect(fields).toMatchObject({
      primaryId: '12345',
      gender: null,
      jobCategory: null,
      userTitle: null,
      campusCode: 'BLINDERN',
      catalogerLevel: '00',
      preferredLanguage: 'no',
      rsLibraries: ['1030310'],
      identifiers: [{ idType: 'UNIV_ID', value: 'test@uio.no', segmentType: 'INTERNAL' }],
      addresses: [{ postalCode: '0316', preferred: true, segmentType: 'INTERNAL' }],
      phones: [{ phoneTypes: ['mobile'], preferredSms: false, segmentType: 'INTERNAL' }],
      roles: [{ role: 'PATRON', scope: null }],
    });
    expect(fields).not.toHaveProperty('pinNumber');
    expect(fields).not.toHaveProperty('password');
    expect(unmapped).toEqual([]);
  });

  it('accepts {value} alone and bare codes, maps Alma phone types and keeps library scopes', () => {
    const { fields, unmapped, errors, foreign } = almaUserToFields(
      {
        record_type: { value: 'STAFF' },
        account_type: 'EXTERNAL',
        external_id: 'SIS',
        primary_id: 'staff001',
        force_password_change: 'true',
        pin_number: '1234',
        contact_info: {
          phone: [
            {
              phone_number: '555',
              phone_type: [{ value: 'office_fax' }],
              preferred_sms: 'true',
              segment_type: 'External',
            },
          ],
          fax_machine: 'yes',
        },
        user_role: [
          {
            role_type: { value: '32' },
            scope: { value: 'LAW' },
            status: { value: 'INACTIVE' },
            expiry_date: '2031-05-01Z',
            parameter: [{ type: { value: 'x' } }],
          },
          { role_type: { value: '21' }, scope: { value: 'INST_CODE' } },
        ],
        user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'B1', status: 'INACTIVE' }],
        library_notice: [
          { code: { value: 'NEWS' }, value: true },
          { code: { value: 'ADS' }, value: false },
        ],
        proxy_for_user: [{ primary_id: 'x' }],
      },
      { libraryCodes: new Set(['LAW']), institutionCode: 'INST_CODE' },
    );
    expect(fields).toMatchObject({
      recordType: 'STAFF',
      accountType: 'EXTERNAL',
      externalId: 'SIS',
      pinNumber: '1234',
      forcePasswordChange: true,
      libraryNotices: ['NEWS'],
      phones: [{ phoneTypes: ['officeFax'], preferredSms: true, segmentType: 'EXTERNAL' }],
      roles: [
        { role: 'CIRCULATION_DESK_OPERATOR', scope: 'LAW', status: 'INACTIVE', expiryDate: '2031-05-01' },
        { role: 'USER_MANAGER', scope: null, status: 'ACTIVE' },
      ],
    });
    expect(unmapped).toEqual(['contact_info.fax_machine', 'user_role[0].parameter']);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([{ field: 'proxy_for_user', value: [{ primary_id: 'x' }] }]);
    expect(fields.identifiers).toMatchObject([{ idType: 'BARCODE', value: 'B1', status: 'INACTIVE' }]);
  });

  it('names role types it does not have and scopes that are neither a library nor the institution', () => {
    const { fields, errors } = almaUserToFields(
      {
        record_type: 'PUBLIC',
        user_role: [
          { role_type: { value: '999' } },
          { role_type: { value: '200' }, scope: { value: 'ELSEWHERE' } },
          { role_type: { value: '200' }, scope: { value: 'INST' } },
          { role_type: {} },
        ],
      },
      { libraryCodes: new Set(['MAIN']), institutionCode: 'INST' },
    );
    expect(errors).toEqual([
      { field: 'user_role[0].role_type', message: expect.stringContaining('"999" is not a role type this system has') },
      {
        field: 'user_role[1].scope',
        message: '"ELSEWHERE" is neither a library of this institution nor the institution itself (INST)',
      },
      { field: 'user_role[3].role_type', message: 'is required' },
    ]);
    expect(fields.roles).toEqual([{ role: 'PATRON', scope: null, status: 'ACTIVE', expiryDate: null }]);
  });

  it('treats a list of fees as data of the fines module, and the expand summaries as read-only', () => {
    const summaries = almaUserToFields({
      record_type: 'PUBLIC',
      fees: { value: 12.5, currency: 'EUR' },
      loans: { value: '14' },
      requests: { value: '0' },
    });
    expect(summaries.foreign).toEqual([]);
    expect(summaries.unmapped).toEqual([]);
    const list = almaUserToFields({ record_type: 'PUBLIC', fees: [{ type: { value: 'OVERDUEFINE' }, balance: 3 }] });
    expect(list.foreign).toEqual([{ field: 'fees', value: [{ type: { value: 'OVERDUEFINE' }, balance: 3 }] }]);
  });

  it('refuses what is not a JSON object', () => {
    expect(() => almaUserToFields([])).toThrow('must be an Alma user JSON object');
  });
});

const dto: UserDto = {
  id: '00000000-0000-4000-8000-000000000001',
  version: 3,
  recordType: 'STAFF',
  accountType: 'EXTERNAL',
  externalId: 'SIS',
  primaryId: 'staff017',
  userTitle: 'Dr',
  firstName: 'Ingrid',
  middleName: null,
  lastName: 'Ødegård',
  prefFirstName: 'Inga',
  prefMiddleName: null,
  prefLastName: null,
  fullName: 'Ødegård, Inga',
  jobCategory: 'Librarian',
  jobDescription: null,
  gender: 'FEMALE',
  userGroup: 'STAFF',
  campusCode: null,
  webSiteUrl: null,
  preferredLanguage: 'nb',
  birthDate: '1980-02-29',
  expiryDate: '2030-06-30',
  purgeDate: null,
  status: 'ACTIVE',
  statusDate: new Date('2026-01-05T10:00:00Z'),
  rsLibraries: ['MAIN'],
  purchaseRequestLibraries: [],
  catalogerLevel: null,
  libraryNotices: [],
  hasPin: true,
  hasPassword: true,
  forcePasswordChange: false,
  mfaEnabled: false,
  identifiers: [{ id: 'i1', idType: 'BARCODE', value: 'B9', note: null, status: 'INACTIVE', segmentType: 'EXTERNAL' }],
  emails: [
    {
      id: 'e1',
      emailAddress: 'inga@example.org',
      emailTypes: ['work'],
      preferred: true,
      description: null,
      segmentType: 'EXTERNAL',
    },
  ],
  addresses: [],
  phones: [
    {
      id: 'p1',
      phoneNumber: '+47 22 00 00 00',
      phoneTypes: ['officeFax'],
      preferred: false,
      preferredSms: false,
      segmentType: 'INTERNAL',
    },
  ],
  roles: [
    { id: 'r1', role: 'CIRCULATION_DESK_OPERATOR', scope: 'MAIN', status: 'ACTIVE', expiryDate: null },
    { id: 'r2', role: 'PATRON', scope: null, status: 'ACTIVE', expiryDate: '2030-06-30' },
  ],
  createdBy: 'Demo seed',
  createdAt: new Date('2026-01-05T10:00:00Z'),
  updatedBy: 'Demo seed',
  updatedAt: new Date('2026-01-05T10:00:00Z'),
  lastUpdatedByJob: null,
  lastPatronActivityDate: '2026-02-11',
  overrides: [],
  pictureUrl: null,
};

describe('userDtoToAlma', () => {
  const labels = almaLabelsOf(
    [
      { table: 'USER_TITLE', code: 'Dr', description: 'Doctor' },
      { table: 'USER_GROUP', code: 'STAFF', description: 'Staff' },
      { table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' },
    ],
    [{ code: 'MAIN', name: 'Main Library' }],
  );

  it('writes Alma JSON with descriptions, Alma dates and codes, and no secrets', () => {
    const alma = userDtoToAlma(dto, { labels, institution: { code: 'DEMO', name: 'Demo University Library' } });
    expect(alma).toMatchObject({
      record_type: { value: 'STAFF', desc: 'Staff' },
      account_type: { value: 'EXTERNAL', desc: 'External' },
      user_title: { value: 'Dr', desc: 'Doctor' },
      job_category: { value: 'Librarian', desc: 'Librarian' },
      campus_code: { value: null, desc: null },
      gender: { value: 'FEMALE', desc: 'Female' },
      preferred_language: { value: 'nb', desc: 'Norwegian Bokmål' },
      full_name: 'Ingrid Ødegård',
      birth_date: '1980-02-29Z',
      purge_date: null,
      status_date: '2026-01-05Z',
      last_patron_activity_date: '2026-02-11Z',
      rs_library: [{ code: { value: 'MAIN', desc: 'Main Library' } }],
      contact_info: {
        address: [],
        email: [
          {
            email_address: 'inga@example.org',
            email_type: [{ value: 'work', desc: 'Work' }],
            preferred: true,
            segment_type: 'External',
          },
        ],
        phone: [
          { phone_type: [{ value: 'office_fax', desc: 'Office fax' }], preferred_sms: false, segment_type: 'Internal' },
        ],
      },
      user_identifier: [
        { id_type: { value: 'BARCODE', desc: 'Barcode' }, value: 'B9', status: 'INACTIVE', segment_type: 'External' },
      ],
      user_role: [
        {
          role_type: { value: '32', desc: 'Circulation Desk Operator' },
          scope: { value: 'MAIN', desc: 'Main Library' },
        },
        {
          role_type: { value: '200', desc: 'Patron' },
          scope: { value: 'DEMO', desc: 'Demo University Library' },
          expiry_date: '2030-06-30Z',
        },
      ],
    });
    expect(alma).not.toHaveProperty('pin_number');
    expect(alma).not.toHaveProperty('password');
  });

  it('reads back what it writes', () => {
    const { fields, unmapped } = almaUserToFields(userDtoToAlma(dto, { labels }), { libraryCodes: new Set(['MAIN']) });
    const notInput = new Set([
      'id',
      'version',
      'fullName',
      'statusDate',
      'hasPin',
      'hasPassword',
      'mfaEnabled',
      'createdBy',
      'createdAt',
      'updatedBy',
      'updatedAt',
      'lastUpdatedByJob',
      'lastPatronActivityDate',
      'overrides',
      'pictureUrl',
    ]);
    const withoutId = (entry: unknown) =>
      typeof entry === 'object' && entry !== null
        ? Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'id'))
        : entry;
    const expected = Object.fromEntries(
      Object.entries(dto)
        .filter(([key]) => !notInput.has(key))
        .map(([key, value]) => [key, Array.isArray(value) ? value.map(withoutId) : value]),
    );
    expect(fields).toEqual(expected);
    expect(unmapped).toEqual([]);
  });
});
