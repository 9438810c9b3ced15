import type { AnyPlugin } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the module it depends on themselves, as the users module's do: the plugin
// harness of @ulms/modules/testing would make the catalogue, which lists this module, a dependency of it.
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { FINES_MODULE } from '../contracts/fines-module.js';
import { finesPlugin } from '../server/fines.plugin.js';

export type FinesTestApi = TestApi<readonly [typeof usersPlugin, typeof finesPlugin]>;
export type FinesCaller = FinesTestApi['caller'];

/** The configuration the fines tests run with: a type with VAT, one staff may not add, a low waiving limit. */
export const finesTestConfig = {
  feeTypes: [
    { code: 'DAMAGE', description: 'Damaged item', manualCreation: true, libraryOwner: true, vatRate: null },
    { code: 'CARD', description: 'Card renewal', manualCreation: true, libraryOwner: false, vatRate: 20 },
    { code: 'OVERDUE', description: 'Overdue fine', manualCreation: false, libraryOwner: true, vatRate: null },
  ],
  waiveReasons: [{ code: 'GOODWILL', description: 'Goodwill' }],
  paymentMethods: [{ code: 'CASH', description: 'Cash' }],
  waivingFinesFeesLimit: 100,
};

/**
 * Starts the users and fines modules (and `more` plugins, enabled too) for a test institution configured with
 * `finesTestConfig` and a library MAIN, and another institution with both modules; with a user maker and a fee maker.
 */
export async function startFinesTestApi(more: readonly AnyPlugin[] = []) {
  const plugins = [usersPlugin, finesPlugin, ...more];
  const api = (await startTestApi({
    plugins,
    institution: { modules: [usersPlugin.id, FINES_MODULE, ...more.map((p) => p.id)] },
  })) as unknown as FinesTestApi;
  await api.caller.platform.modules.configure({ moduleId: FINES_MODULE, config: finesTestConfig });
  await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main library' });
  const other = await api.createInstitution({ modules: ['users', FINES_MODULE] });
  const elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  for (const caller of [api.caller, elsewhere])
    await caller.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });

  let users = 0;
  const newUser = async (caller: FinesCaller = api.caller): Promise<string> => {
    users += 1;
    const saved = await caller.users.create({
      recordType: 'PUBLIC',
      primaryId: `fines-${users}`,
      firstName: 'Fay',
      lastName: `Fines ${users}`,
      userGroup: 'PATRONS',
    });
    if (saved.status !== 'saved') throw new Error('the user was not saved');
    return saved.user.id;
  };
  const addFee = (userId: string, amount: string, more: { type?: string; ownerLibrary?: string } = {}) =>
    api.caller.fines.add({ userId, type: 'DAMAGE', amount, ...more });

  return { api, plugins, elsewhere, newUser, addFee };
}
