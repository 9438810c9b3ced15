import { startTestApi } from '@ulms/modules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentRulesModule } from '../contracts/index.js';
import { studentRulesPlugin } from './student-rules.plugin.js';

type Api = Awaited<ReturnType<typeof startTestApi<readonly [typeof studentRulesPlugin]>>>;
type Caller = Api['caller'];

let api: Api;
let elsewhere: Caller;

const userNamed = (lastName: string) =>
  ({ recordType: 'PUBLIC', primaryId: `id-${lastName}`, firstName: 'Test', lastName, userGroup: 'UG' }) as const;
const addUserGroup = (caller: Caller) =>
  caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });

beforeAll(async () => {
  // The harness starts the users module this plugin depends on and enables both for api.institution.
  api = await startTestApi({ plugins: [studentRulesPlugin] });
  await api.caller.platform.modules.configure({ moduleId: studentRulesModule, config: { minimumLastNameLength: 3 } });
  await addUserGroup(api.caller);

  const other = await api.createInstitution({ modules: ['users'] });
  elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  await addUserGroup(elsewhere);
});
afterAll(() => api.close());

describe('Student rules', () => {
  it('refuses a last name shorter than the institution configured', async () => {
    await expect(api.caller.users.create(userNamed('Li'))).rejects.toThrow('lastName: must have at least 3 characters');
    expect((await api.caller.users.create(userNamed('Lee'))).status).toBe('saved');
  });

  it('leaves an institution that has not enabled it alone', async () => {
    expect((await elsewhere.users.create(userNamed('Li'))).status).toBe('saved');
  });

  it("answers the institution's settings to staff allowed to read them", async () => {
    expect(await api.caller.studentRules.settings()).toEqual({ minimumLastNameLength: 3 });
    await expect(elsewhere.studentRules.settings()).rejects.toThrow(/not enabled/);
  });
});
