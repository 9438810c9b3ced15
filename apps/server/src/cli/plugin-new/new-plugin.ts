import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pluginNames } from './plugin-names.js';
import { pluginFiles } from './plugin-templates.js';

/** The repository this CLI belongs to (apps/server/src/cli/plugin-new → the root). */
export const repositoryRoot = resolve(import.meta.dirname, '../../../../..');

export interface NewPluginOptions {
  readonly root?: string;
  /** Link the new package (`npm install`) and add its TypeScript references (`nx sync`); off in tests. */
  readonly link?: boolean;
  readonly print: (line: string) => void;
}

/** Writes `plugins/<id>` ready for lint, typecheck and test, and says the one line that installs it. */
export async function newPlugin(id: string, options: NewPluginOptions): Promise<string> {
  const names = pluginNames(id);
  const root = options.root ?? repositoryRoot;
  const folder = join(root, 'plugins', names.id);
  if (existsSync(folder)) throw new Error(`plugins/${names.id} exists already`);

  for (const [path, content] of Object.entries(pluginFiles(names))) {
    const file = join(folder, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  options.print(`created plugins/${names.id}`);

  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  const written = [folder];
  if (options.link !== false) {
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
    run('npx', ['nx', 'sync']);
    written.push(join(root, 'tsconfig.json'));
  }
  // nx sync writes JSON its own way; the repository's format is Prettier's (run from here, where it is installed).
  execFileSync('npx', ['prettier', '--log-level', 'warn', '--write', ...written], {
    cwd: repositoryRoot,
    stdio: 'inherit',
  });
  options.print(
    [
      '',
      `To install it, add one line to apps/server/src/installed-plugins.ts:`,
      `  import { ${names.camel}Plugin } from '@ulms/${names.id}';   and ${names.camel}Plugin in installedPlugins`,
      `Then enable "${names.id}" for an institution on the Modules page. Test: npx vitest run plugins/${names.id}`,
    ].join('\n'),
  );
  return folder;
}
