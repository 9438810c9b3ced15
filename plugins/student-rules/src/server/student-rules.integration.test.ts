import { startTestApi } from '@ulms/modules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentRulesModule } from '../contracts/index.js';
import { latestExpiry } from './student-record.validator.js';
import { studentRulesPlugin } from './student-rules.plugin.js';

type Api = Awaited<ReturnType<typeof startTestApi<readonly [typeof studentRulesPlugin]>>>;
type Caller = Api['caller'];

let api: Api;
let elsewhere: Caller;

const inYears = (years: number) => latestExpiry(new Date(), years);
const student = (primaryId: string, more: { identifiers?: { idType: string; value: string }[]; expiryDate?: string }) =>
  ({
    recordType: 'PUBLIC',
    primaryId,
    firstName: 'Test',
    lastName: 'Student',
    userGroup: 'UNDERGRAD',
    ...more,
  }) as const;
const univId = (value: string) => [{ idType: 'UNIV_ID', value }];

async function addCodes(caller: Caller) {
  await caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduate' });
  await caller.users.codeTables.save({ table: 'USER_GROUP', code: 'COMMUNITY', description: 'Community borrower' });
  await caller.users.codeTables.save({ table: 'IDENTIFIER_TYPE', code: 'UNIV_ID', description: 'University ID' });
}

beforeAll(async () => {
  // The harness starts the users module this plugin depends on and enables both for api.institution.
  api = await startTestApi({ plugins: [studentRulesPlugin] });
  await addCodes(api.caller);
  const other = await api.createInstitution({ modules: ['users'] });
  elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  await addCodes(elsewhere);
});
afterAll(() => api.close());

describe('Student record rules', () => {
  it('refuses a student without a UNIV_ID identifier or an expiry date', async () => {
    await expect(api.caller.users.create(student('s-1', {}))).rejects.toThrow(
      'identifiers: a student needs a UNIV_ID identifier; expiryDate: a student needs an expiry date',
    );
  });

  it('refuses an expiry date more than five years ahead, and saves one within them', async () => {
    await expect(
      api.caller.users.create(student('s-2', { identifiers: univId('U-2'), expiryDate: inYears(6) })),
    ).rejects.toThrow(`expiryDate: must be within 5 years for a student (${inYears(5)} at the latest)`);
    const saved = await api.caller.users.create(student('s-3', { identifiers: univId('U-3'), expiryDate: inYears(4) }));
    expect(saved.status).toBe('saved');
  });

  it('applies the institution’s own configuration', async () => {
    await api.caller.platform.modules.configure({
      moduleId: studentRulesModule,
      config: { identifierType: 'UNIV_ID', maxYearsToExpiry: 2 },
    });
    await expect(
      api.caller.users.create(student('s-4', { identifiers: univId('U-4'), expiryDate: inYears(3) })),
    ).rejects.toThrow('must be within 2 years');
    expect(await api.caller.studentRules.settings()).toEqual({
      studentGroups: ['UNDERGRAD', 'GRAD'],
      identifierType: 'UNIV_ID',
      maxYearsToExpiry: 2,
    });
  });

  it('leaves users who are not students alone', async () => {
    const saved = await api.caller.users.create({ ...student('c-1', {}), userGroup: 'COMMUNITY' });
    expect(saved.status).toBe('saved');
  });

  it('leaves an institution that has not enabled it alone', async () => {
    expect((await elsewhere.users.create(student('s-5', {}))).status).toBe('saved');
    await expect(elsewhere.studentRules.settings()).rejects.toThrow(/not enabled/);
  });
});
