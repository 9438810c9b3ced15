import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPlugin } from './new-plugin.js';
import { pluginNames } from './plugin-names.js';

// The generated plugin itself is proven by the ones under plugins/, made with it: lint, typecheck and test run there.
describe('ulms plugin new', () => {
  it('names the plugin from its id', () => {
    expect(pluginNames('campus-card-rules')).toEqual({
      id: 'campus-card-rules',
      camel: 'campusCardRules',
      pascal: 'CampusCardRules',
      title: 'Campus card rules',
    });
  });

  it('refuses an id that cannot be a plugin id or is taken', () => {
    expect(() => pluginNames('Campus_Card')).toThrow('"Campus_Card" is not a plugin id');
    expect(() => pluginNames('users')).toThrow('already the name of a project');
  });

  it('writes the server, contracts and admin entries, the tags, a test and a README, and says how to install it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ulms-plugin-new-'));
    const lines: string[] = [];
    try {
      const folder = await newPlugin('campus-card', { root, link: false, print: (line) => lines.push(line) });
      const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
      expect(manifest.name).toBe('@ulms/campus-card');
      expect(manifest.nx.tags).toEqual(['scope:campus-card', 'type:plugin']);
      expect(Object.keys(manifest.exports)).toEqual(['.', './contracts', './admin', './package.json']);
      const plugin = await readFile(join(folder, 'src/server/campus-card.plugin.ts'), 'utf8');
      expect(plugin).toContain('campusCardPermissions.settingsRead');
      expect(plugin).toContain('configSchema: campusCardConfig');
      await readFile(join(folder, 'src/server/campus-card.integration.test.ts'), 'utf8');
      await readFile(join(folder, 'src/admin/index.ts'), 'utf8');
      await readFile(join(folder, 'README.md'), 'utf8');
      expect(lines.join('\n')).toContain("import { campusCardPlugin } from '@ulms/campus-card'");
      await expect(newPlugin('campus-card', { root, link: false, print: () => undefined })).rejects.toThrow(
        'plugins/campus-card exists already',
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
