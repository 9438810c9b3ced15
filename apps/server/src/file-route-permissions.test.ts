import { describeProcedureGuards } from '@ulms/platform';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router.js';
import { installedPlugins } from './installed-plugins.js';

// Each file route (uploads and downloads as streams) and the tRPC procedure doing the same thing: streaming a
// file may not ask less than the procedure does. A new file route fails here until it is paired.
const counterparts: Readonly<Record<string, string>> = {
  'POST /users/{userId}/attachments': 'users.attachments.add',
  'GET /users/{userId}/attachments/{id}': 'users.attachments.download',
  // Starting a run on an uploaded file, as applying a dry run starts one on its file.
  'POST /sis/profiles/{profileId}/runs': 'sis.runs.applyDryRun',
  // The rejected records, as the run's entries list them.
  'GET /sis/runs/{runId}/rejects.csv': 'sis.runs.entries',
  'POST /courses/imports': 'courses.imports.applyDryRun',
  'GET /courses/imports/{importId}/rejects.csv': 'courses.imports.entries',
};

const routes = installedPlugins.flatMap((plugin) =>
  'files' in plugin && plugin.files
    ? plugin.files.routes.map((route) => ({
        plugin: plugin.id,
        route,
        name: `${route.method} ${route.path}`,
      }))
    : [],
);
const procedures = new Map(describeProcedureGuards(appRouter).map((p) => [p.path, p]));

describe('every file route', () => {
  it('is paired with the tRPC procedure that does the same thing', () => {
    expect(routes.map(({ name }) => name)).toEqual(Object.keys(counterparts));
  });

  it.each(routes)('$name needs the same module and permission as its tRPC procedure', ({ plugin, route, name }) => {
    const procedure = procedures.get(counterparts[name] ?? '');
    expect(procedure, name).toBeDefined();
    expect(route.moduleId).toBe(plugin);
    expect(route.permission).toBe(procedure?.permission);
  });
});
