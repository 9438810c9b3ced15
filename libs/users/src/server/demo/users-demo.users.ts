import { orcidCheckDigit } from '../../contracts/user-field-checks.js';
import type { CreateUserInput } from '../../contracts/user.schema.js';
import { createDemoRandom } from './demo-random.js';
import { demoVendors } from './users-demo.names.js';
import { createDemoPeople, type DemoPerson, shiftDays } from './users-demo.people.js';

type Identifier = NonNullable<CreateUserInput['identifiers']>[number];
type Role = NonNullable<CreateUserInput['roles']>[number];

const SEED = 20_260_105;
const FIRST_STUDENT_NUMBER = 1_000_101;

/** The primary ID of the first demo user: its presence means the demo users are in. */
export const usersDemoFirstPrimaryId = `s${FIRST_STUDENT_NUMBER}`;

/** The two users who share first name, last name and birth date (the second saved with confirmDuplicate). */
const namesakes: Partial<DemoPerson> = {
  firstName: 'María',
  lastName: 'García',
  birthDate: '2004-03-15',
  gender: 'FEMALE',
  middleName: null,
  prefFirstName: null,
};

/** How many of each kind of user the demo has: 300 in all. */
export const usersDemoCounts = {
  undergraduates: 130,
  graduates: 50,
  faculty: 35,
  alumni: 20,
  community: 20,
  staff: 35,
  vendors: 10,
} as const;

/** An ORCID iD with a valid check digit, as the demo configuration's ORCID format requires. */
function demoOrcid(sequence: number, noise: number): string {
  const first15 = `00000002${1000 + sequence}${String(noise).slice(0, 3)}`;
  return `${first15.slice(0, 4)}-${first15.slice(4, 8)}-${first15.slice(8, 12)}-${first15.slice(12)}${orcidCheckDigit(first15)}`;
}

/**
 * The demo's users, the same on every run for a given `today` (YYYY-MM-DD): expiry dates count from it,
 * so that the right ones are expired whenever the demo is seeded.
 */
export function usersDemoUsers(today: string): CreateUserInput[] {
  const random = createDemoRandom(SEED);
  const people = createDemoPeople(random);
  let sequence = 0;
  const identifiers = (segmentType: 'INTERNAL' | 'EXTERNAL', univId: boolean, orcid = false): Identifier[] => {
    sequence += 1;
    return [
      { idType: 'BARCODE', value: `31234000${String(sequence).padStart(6, '0')}`, segmentType },
      ...(univId ? [{ idType: 'UNIV_ID', value: `U${80_000_000 + sequence}`, segmentType }] : []),
      ...(orcid
        ? [{ idType: 'ORCID', value: demoOrcid(sequence, random.int(1000, 9999)), segmentType: 'INTERNAL' }]
        : []),
    ];
  };
  const expiry = (expiredShare: number, daysAhead: [number, number]) => {
    if (!random.chance(expiredShare))
      return { expiryDate: shiftDays(today, random.int(...daysAhead)), purgeDate: null };
    const expiryDate = shiftDays(today, -random.int(10, 400));
    return { expiryDate, purgeDate: shiftDays(expiryDate, 365) };
  };
  const names = (who: DemoPerson) => ({
    firstName: who.firstName,
    middleName: who.middleName,
    lastName: who.lastName,
    prefFirstName: who.prefFirstName,
    gender: who.gender,
    birthDate: who.birthDate,
  });
  const patron: Role = { role: 'PATRON' };

  const students = Array.from(
    { length: usersDemoCounts.undergraduates + usersDemoCounts.graduates },
    (_, i): CreateUserInput => {
      const graduate = i >= usersDemoCounts.undergraduates;
      const who = people.person(graduate ? 1988 : 2002, graduate ? 2001 : 2007, i < 2 ? namesakes : undefined);
      const fromSis = random.chance(0.65);
      const sis = fromSis ? 'EXTERNAL' : 'INTERNAL';
      return {
        recordType: 'PUBLIC',
        accountType: sis,
        externalId: fromSis ? 'SIS' : null,
        primaryId: `s${FIRST_STUDENT_NUMBER + i}`,
        ...names(who),
        userTitle: who.gender === 'OTHER' ? 'Mx' : null,
        userGroup: graduate ? 'GRAD' : 'UNDERGRAD',
        campusCode: random.chance(0.15) ? 'MED' : 'MAIN',
        status: random.chance(0.03) ? 'INACTIVE' : 'ACTIVE',
        ...expiry(0.05, [120, 1400]),
        identifiers: identifiers(sis, random.chance(0.8)),
        emails: [
          people.email(who, 'students.demo.example', 'school', true, sis),
          ...(random.chance(0.3) ? [people.email(who, 'mail.example', 'personal', false, 'INTERNAL')] : []),
        ],
        addresses: [
          people.localAddress('home', true, sis, today),
          ...(who.culture.country !== 'USA' && random.chance(0.4) ? [people.addressAbroad(who, sis)] : []),
        ],
        phones: [people.phone('mobile', true, sis)],
        roles: [patron],
        confirmDuplicate: i === 1,
      };
    },
  );

  const faculty = Array.from({ length: usersDemoCounts.faculty }, (_, i): CreateUserInput => {
    const who = people.person(
      1955,
      1990,
      i === 0 ? { firstName: 'Ingrid', lastName: 'Ødegård', gender: 'FEMALE', prefFirstName: null } : undefined,
    );
    const fromSis = random.chance(0.7);
    const sis = fromSis ? 'EXTERNAL' : 'INTERNAL';
    const department = random.pick(['History', 'Chemistry', 'Law', 'Linguistics', 'Medicine', 'Mathematics', 'Music']);
    return {
      recordType: 'PUBLIC',
      accountType: sis,
      externalId: fromSis ? 'SIS' : null,
      primaryId: `f${2_000_001 + i}`,
      ...names(who),
      userTitle: random.chance(0.55) ? 'Prof' : 'Dr',
      jobDescription: `Department of ${department}`,
      userGroup: 'FACULTY',
      campusCode: department === 'Medicine' ? 'MED' : 'MAIN',
      webSiteUrl: random.chance(0.3) ? `https://people.demo.example/${i + 1}` : null,
      ...expiry(0.03, [365, 2000]),
      rsLibraries: random.chance(0.25) ? ['MAIN'] : [],
      purchaseRequestLibraries: department === 'Law' ? ['LAW'] : [],
      identifiers: identifiers(sis, true, random.chance(0.45)),
      emails: [people.email(who, 'demo.example', 'work', true, sis)],
      addresses: [
        {
          line1: `Room ${random.int(100, 450)}, ${department} Building`,
          city: 'Ithaca',
          stateProvince: 'NY',
          postalCode: '14853',
          country: 'USA',
          addressTypes: ['work'],
          preferred: true,
          segmentType: sis,
        },
        ...(random.chance(0.5) ? [people.localAddress('home', false, 'INTERNAL', today)] : []),
      ],
      phones: [
        people.phone('office', true, sis),
        ...(random.chance(0.5) ? [people.phone('mobile', false, 'INTERNAL')] : []),
      ],
      roles: [patron],
    };
  });

  const localPatrons = (kind: 'alumni' | 'community') =>
    Array.from({ length: usersDemoCounts[kind] }, (_, i): CreateUserInput => {
      const who = kind === 'alumni' ? people.person(1950, 2000) : people.person(1940, 2005);
      return {
        recordType: 'PUBLIC',
        primaryId: `${kind === 'alumni' ? 'a' : 'c'}${(kind === 'alumni' ? 3_000_001 : 4_000_001) + i}`,
        ...names(who),
        userTitle: random.chance(0.3) ? (who.gender === 'FEMALE' ? 'Ms' : who.gender === 'MALE' ? 'Mr' : 'Mx') : null,
        userGroup: kind === 'alumni' ? 'ALUMNI' : 'COMMUNITY',
        preferredLanguage: random.chance(0.15) ? random.pick(['es', 'fr', 'de']) : null,
        status: random.chance(kind === 'community' ? 0.1 : 0.03) ? 'INACTIVE' : 'ACTIVE',
        ...expiry(kind === 'alumni' ? 0.25 : 0.2, [30, 365]),
        identifiers: identifiers('INTERNAL', false),
        emails: random.chance(0.85) ? [people.email(who, 'mail.example', 'personal', true, 'INTERNAL')] : [],
        addresses: [people.localAddress('home', true, 'INTERNAL', today)],
        phones: [people.phone(random.pick(['home', 'mobile']), true, 'INTERNAL')],
        roles: [patron],
      };
    });

  const jobs = [
    'CATALOGER',
    'CIRC_ASSISTANT',
    'CIRC_ASSISTANT',
    'ACQ_OPERATOR',
    'LIBRARIAN',
    'LIBRARIAN',
    'MANAGER',
    'STUDENT_ASSISTANT',
  ] as const;
  const staffRoles = (job: (typeof jobs)[number], library: string): Role[] => {
    switch (job) {
      case 'CIRC_ASSISTANT':
        return [{ role: 'CIRCULATION_DESK_OPERATOR', scope: library }];
      case 'STUDENT_ASSISTANT':
        return [{ role: 'CIRCULATION_DESK_OPERATOR', scope: library, expiryDate: shiftDays(today, 180) }];
      case 'MANAGER':
        return [{ role: 'CIRCULATION_DESK_MANAGER', scope: library }, { role: 'USER_MANAGER' }];
      case 'LIBRARIAN':
        return [{ role: 'FULFILLMENT_SERVICES_OPERATOR', scope: library }];
      default:
        return [];
    }
  };
  const staff = Array.from({ length: usersDemoCounts.staff }, (_, i): CreateUserInput => {
    const job = jobs[i % jobs.length];
    const who = people.person(job === 'STUDENT_ASSISTANT' ? 2000 : 1958, job === 'STUDENT_ASSISTANT' ? 2006 : 1998);
    const library = random.chance(0.7) ? 'MAIN' : 'LAW';
    return {
      recordType: 'STAFF',
      primaryId: `staff${String(i + 1).padStart(3, '0')}`,
      ...names(who),
      userTitle: job === 'LIBRARIAN' && random.chance(0.3) ? 'Dr' : null,
      jobCategory: job,
      jobDescription: `${library === 'MAIN' ? 'Main' : 'Law'} Library`,
      userGroup: 'STAFF',
      campusCode: 'MAIN',
      status: i === usersDemoCounts.staff - 1 ? 'INACTIVE' : 'ACTIVE',
      ...expiry(0.02, [365, 1800]),
      identifiers: identifiers('INTERNAL', true),
      emails: [
        people.email(who, 'demo.example', 'work', true, 'INTERNAL'),
        ...(random.chance(0.3) ? [people.email(who, 'mail.example', 'personal', false, 'INTERNAL')] : []),
      ],
      addresses: [
        {
          line1: library === 'MAIN' ? '1 Library Lane' : '40 Justice Way',
          city: 'Ithaca',
          stateProvince: 'NY',
          postalCode: '14853',
          country: 'USA',
          addressTypes: ['work'],
          preferred: true,
        },
      ],
      phones: [
        people.phone('office', true, 'INTERNAL'),
        ...(random.chance(0.4) ? [people.phone('mobile', false, 'INTERNAL')] : []),
      ],
      roles: [patron, ...staffRoles(job, library)],
    };
  });

  const vendors = Array.from({ length: usersDemoCounts.vendors }, (_, i): CreateUserInput => {
    const [company, domain] = demoVendors[i % demoVendors.length];
    const who = people.person(1960, 1995);
    return {
      recordType: 'CONTACT',
      primaryId: `vendor${String(i + 1).padStart(2, '0')}`,
      firstName: who.firstName,
      lastName: who.lastName,
      jobDescription: `${i < demoVendors.length ? 'Account manager' : 'Claims desk'}, ${company}`,
      userGroup: 'VENDOR',
      emails: [
        people.email(who, domain, 'order', true, 'INTERNAL'),
        { emailAddress: `claims${i < demoVendors.length ? '' : i}@${domain}`, emailTypes: ['claim'], preferred: false },
      ],
      addresses: [
        {
          line1: `${random.int(10, 900)} Commerce Park`,
          city: 'Albany',
          stateProvince: 'NY',
          postalCode: '12205',
          country: 'USA',
          addressTypes: ['order', 'payment'],
          preferred: true,
        },
      ],
      phones: [people.phone('orderPhone', true, 'INTERNAL'), people.phone('claimFax', false, 'INTERNAL')],
    };
  });

  return [...students, ...faculty, ...localPatrons('alumni'), ...localPatrons('community'), ...staff, ...vendors];
}
