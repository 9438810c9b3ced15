import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tenancyServices } from '@ulms/platform';
import { DEMO_INSTITUTION_CODE } from '@ulms/server/demo-seed';
import { startApp } from '@ulms/server/start-app';
import type { TestProject } from 'vitest/node';
import { createStaffUser, namesOf } from '@ulms/server/create-staff-user';
import { newcomer } from './newcomer.js';

// ADMIN_DIST lets several builds of the app be tested side by side (`vite build --outDir`).
const adminDir = resolve(process.env['ADMIN_DIST'] ?? resolve(import.meta.dirname, '../../../admin/dist'));

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The newcomer's first password, made up for this run. */
    newcomerPassword: string;
  }
}

/**
 * Starts the real server (fresh PGlite, demo seed, built admin app) once for every browser test, and adds
 * the newcomer who must change their password.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(adminDir, 'index.html'))) {
    throw new Error(`${adminDir} has no built admin app: run "npm run build:admin" first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ulms-e2e-'));
  const app = await startApp(
    {
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir },
      adminDir,
      dataDir: join(dataDir, 'files'),
      logLevel: 'warn',
      secureCookies: false,
      restRateLimit: 1000,
    },
    { seedDemo: true },
  );
  const demo = await app.kernel.services.get(tenancyServices.institutions).findByCode(DEMO_INSTITUTION_CODE);
  if (!demo) throw new Error('the demo seed created no DEMO institution');
  const newcomerPassword = randomBytes(12).toString('base64url');
  await createStaffUser(app.kernel.services, {
    institutionId: demo.id,
    primaryId: newcomer.username,
    ...namesOf(newcomer.displayName),
    password: newcomerPassword,
    roles: [{ role: 'USER_MANAGER' }],
    mustChangePassword: true,
  });
  project.provide('baseUrl', app.url);
  project.provide('newcomerPassword', newcomerPassword);
  return async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
