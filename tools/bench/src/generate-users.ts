import { nameSearchOf, sortNameOf } from '@ulms/users';
import type { Random } from './random.js';

const FIRST = [
  'Ada',
  'Åsa',
  'Björn',
  'Chloé',
  'Dmitri',
  'Émile',
  'Fatima',
  'Giulia',
  'Håkon',
  'Ingrid',
  'José',
  'Jürgen',
  'Kateřina',
  'Léa',
  'Łukasz',
  'María',
  'Mei',
  'Nguyễn',
  'Olúwaseun',
  'Priya',
  'Raphaël',
  'Søren',
  'Tomás',
  'Ümit',
  'Wei',
  'Yasmin',
  'Zoë',
  'Aiko',
  'Bartosz',
  'Cian',
  'Dagny',
  'Esperanza',
  'Farrukh',
  'Greta',
  'Hiroshi',
  'Ines',
  'Jonas',
  'Kwame',
  'Lior',
  'Maja',
];
const LAST = [
  'Andersson',
  'Bjørnstad',
  'Çelik',
  'Dubois',
  'Ødegård',
  'Fernández',
  'García',
  'Hämäläinen',
  'Ivanović',
  'Johansson',
  'Kowalski',
  'Lefèvre',
  'Müller',
  'Nakamura',
  "O'Brien",
  'Pérez',
  'Quiñones',
  'Rossi',
  'Søndergaard',
  'Tanaka',
  'Ulrich',
  'Van der Berg',
  'Wójcik',
  'Xu',
  'Yılmaz',
  'Zieliński',
  'Åberg',
  'Brontë',
  'Chávez',
  'Dvořák',
  'Eriksen',
  'Fjørtoft',
  'Gonçalves',
  'Hernández',
  'Ibáñez',
  'Jovanović',
  'Kühn',
  'Lindqvist',
  'Mäkinen',
  'Nørgaard',
];
const PREFERRED = ['Sunny', 'Bob', 'Kit', 'Max', 'Sam', 'Alex', 'Jo', 'Lee', 'Nico', 'Rae'];
const CITIES = [
  ['Oslo', 'NO', '0316'],
  ['Boston', 'US', '02115'],
  ['München', 'DE', '80331'],
  ['Kraków', 'PL', '30-001'],
  ['Lyon', 'FR', '69001'],
] as const;
const PUBLIC_GROUPS = ['UNDERGRAD', 'GRAD', 'FACULTY', 'ALUMNI', 'COMMUNITY'];

/** One generated user and its lists, as rows ready for the bulk loader. */
export interface GeneratedUser {
  readonly id: string;
  readonly recordType: string;
  readonly accountType: string;
  readonly externalId: string | null;
  readonly primaryId: string;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly prefFirstName: string | null;
  readonly nameSearch: string;
  readonly sortName: string;
  readonly userGroup: string;
  readonly jobCategory: string | null;
  readonly birthDate: string;
  readonly expiryDate: string;
  readonly status: string;
  readonly identifiers: readonly { idType: string; value: string }[];
  readonly email: string;
  readonly address: { line1: string; city: string; country: string; postalCode: string };
  readonly phone: string;
  readonly note: string | null;
}

/** The n-th user of a deterministic institution: mostly students, some staff, a few contacts. */
export function generateUser(random: Random, n: number): GeneratedUser {
  const roll = random.next();
  const recordType = roll < 0.9 ? 'PUBLIC' : roll < 0.98 ? 'STAFF' : 'CONTACT';
  const firstName = random.pick(FIRST);
  const lastName = random.chance(0.15) ? `${random.pick(LAST)}-${random.pick(LAST)}` : random.pick(LAST);
  const middleName = random.chance(0.2) ? random.pick(FIRST) : null;
  const prefFirstName = random.chance(0.08) ? random.pick(PREFERRED) : null;
  const primaryId = `${recordType === 'STAFF' ? 'st' : recordType === 'CONTACT' ? 'ct' : 'u'}${String(n).padStart(8, '0')}`;
  const identifiers = [{ idType: 'BARCODE', value: `B${String(n).padStart(10, '0')}` }];
  if (random.chance(0.6)) identifiers.push({ idType: 'UNIV_ID', value: `UID-${n}` });
  const digits = String(n).padStart(8, '0');
  if (random.chance(0.1))
    identifiers.push({ idType: 'ORCID', value: `0000-0002-${digits.slice(0, 4)}-${digits.slice(4)}` });
  const [city, country, postalCode] = random.pick(CITIES);
  const names = { firstName, middleName, lastName, prefFirstName };
  const external = recordType === 'PUBLIC' && random.chance(0.7);
  return {
    id: random.uuid(),
    recordType,
    accountType: external ? 'EXTERNAL' : 'INTERNAL',
    externalId: external ? 'SIS' : null,
    primaryId,
    ...names,
    nameSearch: nameSearchOf(names),
    sortName: sortNameOf(names),
    userGroup: recordType === 'STAFF' ? 'STAFF' : recordType === 'CONTACT' ? 'VENDOR' : random.pick(PUBLIC_GROUPS),
    jobCategory: recordType === 'STAFF' ? random.pick(['Cataloger', 'Librarian', 'Manager']) : null,
    birthDate: `${random.int(1940, 2007)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    expiryDate: `${random.int(2020, 2032)}-06-30`,
    status: random.chance(0.93) ? 'ACTIVE' : 'INACTIVE',
    identifiers,
    email: `${primaryId}@example.edu`,
    address: {
      line1: `${random.int(1, 300)} ${random.pick(['Main St', 'Storgata', 'Rue Haute', 'Hauptstraße'])}`,
      city,
      country,
      postalCode,
    },
    phone: `+1 555 ${String(random.int(0, 9999999)).padStart(7, '0')}`,
    note: random.chance(0.05) ? 'Prefers email contact' : null,
  };
}
