import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugin/plugin-definition.js';
import { coreServices } from '../plugin/core-services.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { defineEvent } from './event-bus.js';

const libraryOpened = defineEvent<{ code: string }>('library.opened');
const heard: string[] = [];
const listener = definePlugin({
  id: 'listener',
  title: 'Listener',
  register(env) {
    env.subscribe(libraryOpened, ({ code }) => {
      heard.push(code);
    });
  },
});

describe('events raised in a transaction', () => {
  let api: TestApi<[typeof listener]>;
  beforeAll(async () => {
    api = await startTestApi({ plugins: [listener] });
  });
  afterAll(() => api.close());

  const openLibrary = (code: string, fail: boolean) =>
    api.kernel.services.get(coreServices.transactions).run(async ({ tx, raise }) => {
      await tx.library.create({ data: { institutionId: api.institution.id, code, name: code } });
      raise(libraryOpened, { code });
      expect(heard).not.toContain(code); // not before the commit
      if (fail) throw new Error('changed my mind');
    });

  it('are delivered after the commit', async () => {
    await openLibrary('MAIN', false);
    expect(heard).toContain('MAIN');
  });

  it('are never delivered when the transaction rolls back, and nothing is left behind', async () => {
    await expect(openLibrary('LAW', true)).rejects.toThrow('changed my mind');
    expect(heard).not.toContain('LAW');
    const libraries = await api.database.prisma.library.findMany({ where: { code: 'LAW' } });
    expect(libraries).toEqual([]);
  });
});
