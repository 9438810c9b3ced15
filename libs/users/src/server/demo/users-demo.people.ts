import type { CreateUserInput } from '../../contracts/user.schema.js';
import { normalizeName } from '../names.js';
import type { DemoRandom } from './demo-random.js';
import { type DemoNameCulture, demoMiddleNames, demoNameCultures, demoStreets, demoTowns } from './users-demo.names.js';

type Email = NonNullable<CreateUserInput['emails']>[number];
type Address = NonNullable<CreateUserInput['addresses']>[number];
type Phone = NonNullable<CreateUserInput['phones']>[number];
type Segment = 'INTERNAL' | 'EXTERNAL';

/** A demo person: names, sex and birth date, before any library data. */
export interface DemoPerson {
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly prefFirstName: string | null;
  readonly gender: 'FEMALE' | 'MALE' | 'OTHER' | null;
  readonly birthDate: string;
  readonly culture: DemoNameCulture;
}

/** YYYY-MM-DD moved by `days`. */
export function shiftDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A name as the letters an email address can hold: "Ødegård" is "odegard", "O'Brien" is "obrien". */
function emailPart(name: string): string {
  return normalizeName(name)
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]/g, '');
}

/** Builds people and their contact details from one random source, never repeating a name, birth date or email. */
export function createDemoPeople(random: DemoRandom) {
  const namesTaken = new Set<string>();
  const emailsTaken = new Set<string>();

  const person = (bornFrom: number, bornTo: number, fixed?: Partial<DemoPerson>): DemoPerson => {
    for (;;) {
      const culture =
        demoNameCultures.find((c) => fixed?.lastName && c.family.includes(fixed.lastName)) ??
        random.pick(demoNameCultures);
      const [firstName, sex] = random.pick(culture.given);
      const candidate: DemoPerson = {
        firstName,
        middleName: random.chance(0.12) ? random.pick(demoMiddleNames) : null,
        lastName: random.pick(culture.family),
        prefFirstName: culture.preferred && random.chance(0.35) ? random.pick(culture.preferred) : null,
        gender: random.chance(0.1) ? null : random.chance(0.03) ? 'OTHER' : sex === 'F' ? 'FEMALE' : 'MALE',
        birthDate: shiftDays(`${random.int(bornFrom, bornTo)}-01-01`, random.int(0, 364)),
        culture,
        ...fixed,
      };
      const key = `${candidate.firstName}|${candidate.lastName}|${candidate.birthDate}`;
      if (fixed || !namesTaken.has(key)) {
        namesTaken.add(key);
        return candidate;
      }
    }
  };

  const emailAddress = (who: DemoPerson, domain: string): string => {
    const local = `${emailPart(who.prefFirstName ?? who.firstName)}.${emailPart(who.lastName)}`;
    for (let n = 1; ; n += 1) {
      const address = `${local}${n === 1 ? '' : n}@${domain}`;
      if (!emailsTaken.has(address)) {
        emailsTaken.add(address);
        return address;
      }
    }
  };

  const email = (who: DemoPerson, domain: string, type: string, preferred: boolean, segmentType: Segment): Email => ({
    emailAddress: emailAddress(who, domain),
    emailTypes: [type],
    preferred,
    segmentType,
  });

  const localAddress = (type: string, preferred: boolean, segmentType: Segment, today: string): Address => {
    const [city, postalCode] = random.pick(demoTowns);
    return {
      line1: `${random.int(1, 480)} ${random.pick(demoStreets)}`,
      line2: random.chance(0.3) ? `Apt ${random.int(1, 12)}${random.pick(['A', 'B', 'C'])}` : null,
      city,
      stateProvince: 'NY',
      postalCode,
      country: 'USA',
      addressTypes: [type],
      preferred,
      startDate: shiftDays(today, -random.int(30, 1500)),
      segmentType,
    };
  };

  const addressAbroad = (who: DemoPerson, segmentType: Segment): Address => ({
    line1: `${random.pick(who.culture.family)} ${random.int(1, 90)}`,
    city: who.culture.city,
    country: who.culture.country,
    addressTypes: ['alternative'],
    preferred: false,
    segmentType,
  });

  const phone = (type: string, preferred: boolean, segmentType: Segment): Phone => ({
    phoneNumber: `+1 ${random.pick(['607', '518', '315', '585'])} 555 01${String(random.int(0, 99)).padStart(2, '0')}`,
    phoneTypes: [type],
    preferred,
    preferredSms: preferred && type === 'mobile' && random.chance(0.5),
    segmentType,
  });

  return { person, email, localAddress, addressAbroad, phone };
}

/** The helpers `createDemoPeople` returns. */
export type DemoPeople = ReturnType<typeof createDemoPeople>;
