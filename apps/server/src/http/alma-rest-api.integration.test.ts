import { authServices, type Kernel, tenancyServices } from '@ulms/platform';
import { usersServices } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../start-app.js';

describe('the Alma-format REST API in the running server', () => {
  let app: RunningApp;
  let kernel: Kernel;
  let key: string;

  beforeAll(async () => {
    app = await startApp(
      {
        port: 0,
        host: '127.0.0.1',
        database: { kind: 'pglite' },
        adminDir: '/nonexistent',
        dataDir: '/tmp/ulms-rest-test',
        logLevel: 'silent',
        secureCookies: false,
      },
      { seedDemo: false },
    );
    kernel = app.kernel;
    const institution = await kernel.services.get(tenancyServices.institutions).create({ code: 'REST', name: 'REST' });
    await kernel.services.get(tenancyServices.modules).enable(institution.id, 'users');
    key = (
      await kernel.services
        .get(authServices.apiKeys)
        .create(institution.id, { name: 'curl', role: 'USER_MANAGER' }, null)
    ).key;
  });
  afterAll(() => app.stop());

  it('serves the users routes under /almaws/v1, the OpenAPI document and the reference page', async () => {
    const list = await fetch(`${app.url}/almaws/v1/users?apikey=${key}`);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ total_record_count: 0, user: [] });
    const document = (await (await fetch(`${app.url}/almaws/v1/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/users/{user_id}');
    expect((await fetch(`${app.url}/almaws/v1/docs`)).status).toBe(200);
    expect((await fetch(`${app.url}/almaws/v1/users`)).status).toBe(401);
  });

  it('reaches a primary identifier of the longest allowed length (255 characters) at /users/{user_id}, and refuses a longer one by name', async () => {
    const headers = { authorization: `apikey ${key}`, 'content-type': 'application/json' };
    const institution = await kernel.services.get(tenancyServices.institutions).findByCode('REST');
    await kernel.services
      .get(usersServices.codeTables)
      .save(institution?.id ?? '', { table: 'USER_GROUP', code: 'UG', description: 'UG' });
    for (const id of ['a'.repeat(255), '\u00E9'.repeat(255)]) {
      const created = await fetch(`${app.url}/almaws/v1/users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          record_type: { value: 'PUBLIC' },
          primary_id: id,
          first_name: 'Long',
          last_name: 'Identifier',
          user_group: { value: 'UG' },
        }),
      });
      expect(created.status).toBe(200);
      const found = await fetch(`${app.url}/almaws/v1/users/${encodeURIComponent(id)}`, { headers });
      expect(found.status).toBe(200);
      expect(((await found.json()) as { primary_id: string }).primary_id).toBe(id);
    }
    // Longer is refused by the route's own check, naming the parameter (the router allows long tRPC batches).
    const tooLong = await fetch(`${app.url}/almaws/v1/users/${'a'.repeat(256)}`, { headers });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('user_id');
  });
});
