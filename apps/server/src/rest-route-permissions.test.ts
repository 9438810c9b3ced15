import { describeProcedureGuards } from '@ulms/platform';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router.js';
import { installedPlugins } from './installed-plugins.js';

// Each REST operation and the tRPC procedure of the admin app that does the same thing: the API may not
// ask less of a key than the app asks of a person. A new route fails here until it is paired.
const counterparts: Readonly<Record<string, string>> = {
  listUsers: 'users.search',
  createUser: 'users.create',
  getUser: 'users.get',
  updateUser: 'users.update',
  deleteUser: 'users.delete',
  getUserPersonalData: 'users.get',
  listUserAttachments: 'users.attachments.list',
  getUserAttachment: 'users.attachments.download',
  addUserAttachment: 'users.attachments.add',
  listUserFees: 'fines.list',
  createUserFee: 'fines.add',
  getUserFee: 'fines.get',
  // The route reads the fee first; each op then needs its own procedure's permission (pay, waive, dispute).
  actOnUserFee: 'fines.get',
  payAllUserFees: 'fines.payAll',
  listCourses: 'courses.list',
  getCourse: 'courses.get',
  listCourseEnrollments: 'courses.get',
};

const routes = installedPlugins.flatMap((plugin) =>
  'http' in plugin && plugin.http ? plugin.http.routes.map((route) => ({ plugin: plugin.id, route })) : [],
);
const procedures = new Map(describeProcedureGuards(appRouter).map((p) => [p.path, p]));

describe('every REST route', () => {
  it('is paired with the tRPC procedure that does the same thing', () => {
    expect(routes.map(({ route }) => route.operationId).filter((id) => !(id in counterparts))).toEqual([]);
  });

  it.each(
    routes.map(({ plugin, route }) => ({
      plugin,
      route,
      operationId: route.operationId,
    })),
  )('$operationId needs the same module and permission as its tRPC procedure', ({ plugin, route }) => {
    const path = counterparts[route.operationId] ?? '';
    const procedure = procedures.get(path);
    expect(procedure, path).toBeDefined();
    expect(route.moduleId).toBe(plugin);
    expect(path.split('.')[0]).toBe(route.moduleId);
    expect(route.permission).toBe(procedure?.permission);
  });
});
