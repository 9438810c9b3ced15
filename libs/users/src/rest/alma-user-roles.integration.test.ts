import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

// Roles over the REST API (issue 15): a key grants only roles whose permissions it holds, the institution keeps
// its last administrator, a Contact holds no role, the View-Only Operator (which Alma has no code for) goes in
// and out under our own code, and the role assignment rules apply on create and with recalculate_roles=true.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;

async function call(method: string, path: string, options: { json?: unknown; key?: string } = {}) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `apikey ${options.key ?? server.key}`,
      ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: (text.startsWith('{') ? JSON.parse(text) : null) as Json };
}

const messages = (json: Json) => (json['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);

const user = (primaryId: string, extra: Json = {}): Json => ({
  record_type: { value: 'STAFF' },
  primary_id: primaryId,
  first_name: 'Ada',
  last_name: 'Lovelace',
  user_group: { value: 'UG' },
  ...extra,
});
const role = (roleType: string, extra: Json = {}) => ({
  role_type: { value: roleType },
  status: { value: 'ACTIVE' },
  ...extra,
});
const roleTypes = (json: Json) => (json['user_role'] as Json[]).map((r) => r['role_type']['value'] as string);

beforeAll(async () => {
  server = await startAlmaTestServer();
  await server.api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });
  await server.api.caller.users.codeTables.save({ table: 'JOB_CATEGORY', code: 'LIB', description: 'Librarian' });
});
afterAll(() => server.close());

describe('granting roles over REST', () => {
  it("an operator's key cannot make anyone a General System Administrator, by POST or PUT", async () => {
    const posted = await call('POST', '/users', { json: user('rest-gsa-1', { user_role: [role('26')] }) });
    expect(posted.status).toBe(400);
    expect(messages(posted.json).join()).toMatch(
      /user_role\[0\]\.role_type.*you cannot grant the role "General System Administrator"/,
    );
    expect((await call('GET', '/users/rest-gsa-1')).status).toBe(404);

    const created = await call('POST', '/users', { json: user('rest-gsa-2', { user_role: [role('32')] }) });
    expect(created.status).toBe(200);
    const put = await call('PUT', '/users/rest-gsa-2', {
      json: { ...created.json, user_role: [...created.json['user_role'], role('26')] },
    });
    expect(put.status).toBe(400);
    expect(messages(put.json).join()).toMatch(/user_role\[1\]\.role_type.*General System Administrator/);
    expect(roleTypes((await call('GET', '/users/rest-gsa-2')).json)).toEqual(['32']);
  });

  it('an administrator key grants it; the institution then keeps its last administrator', async () => {
    const keyWithAll = await server.createKey({ permissions: [...server.api.kernel.permissions.keys()] });
    const created = await call('POST', '/users', {
      key: keyWithAll,
      json: user('rest-admin-1', { user_role: [role('26')] }),
    });
    expect(created.status).toBe(200);
    const removed = await call('PUT', '/users/rest-admin-1', {
      key: keyWithAll,
      json: { ...created.json, status: { value: 'INACTIVE' } },
    });
    expect(removed.status).toBe(400);
    expect(messages(removed.json)).toEqual(['the last administrator of the institution cannot be removed']);
    const deleted = await call('DELETE', '/users/rest-admin-1', { key: keyWithAll });
    expect(deleted.status).toBe(400);
    expect(messages(deleted.json).join()).toContain('the last administrator of the institution cannot be removed');
    expect(roleTypes((await call('GET', '/users/rest-admin-1', { key: keyWithAll })).json)).toEqual(['26']);
  });

  it('a Contact cannot hold roles', async () => {
    const posted = await call('POST', '/users', {
      json: { ...user('rest-contact'), record_type: { value: 'CONTACT' }, user_role: [role('200')] },
    });
    expect(posted.status).toBe(400);
    expect(messages(posted.json).join()).toContain('a Contact record cannot hold roles');
  });

  it('writes and reads the View-Only Operator under its own code, so GET then PUT keeps it', async () => {
    const keyWithAll = await server.createKey({ permissions: [...server.api.kernel.permissions.keys()] });
    const created = await call('POST', '/users', {
      key: keyWithAll,
      json: user('rest-viewer', { user_role: [role('VIEW_ONLY_OPERATOR')] }),
    });
    expect(created.status).toBe(200);
    expect(created.json['user_role'][0]['role_type']).toEqual({
      value: 'VIEW_ONLY_OPERATOR',
      desc: 'View-Only Operator',
    });
    const put = await call('PUT', '/users/rest-viewer', { key: keyWithAll, json: created.json });
    expect(put.status).toBe(200);
    expect(roleTypes(put.json)).toEqual(['VIEW_ONLY_OPERATOR']);
    const unknown = await call('POST', '/users', { json: user('rest-unknown', { user_role: [role('VIEWER')] }) });
    expect(messages(unknown.json).join()).toContain('"VIEWER" is not a role type this system has');
  });
});

describe('role assignment rules over REST', () => {
  it('apply on POST and with recalculate_roles=true, not on other PUTs', async () => {
    await server.api.caller.platform.modules.configure({
      moduleId: 'users',
      config: { roleAssignmentRules: [{ jobCategory: 'LIB', roles: ['PATRON'] }] },
    });
    try {
      const created = await call('POST', '/users', { json: user('rest-rules-1', { job_category: { value: 'LIB' } }) });
      expect(roleTypes(created.json)).toEqual(['200']);

      const other = await call('POST', '/users', { json: user('rest-rules-2') });
      const changed = await call('PUT', '/users/rest-rules-2', {
        json: { ...other.json, job_category: { value: 'LIB' } },
      });
      expect(changed.status).toBe(200);
      expect(changed.json['user_role'] ?? []).toEqual([]);
      const recalculated = await call('PUT', '/users/rest-rules-2?recalculate_roles=true', { json: changed.json });
      expect(recalculated.status).toBe(200);
      expect(roleTypes(recalculated.json)).toEqual(['200']);
    } finally {
      await server.api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
    }
  });
});
