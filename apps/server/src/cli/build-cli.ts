import { Command } from 'commander';
import {
  applyMigrations,
  migrationsDir,
  openDatabase,
  readMigrations,
  tenancyServices,
} from '@ulms/platform';
import { serverConfigFromEnv } from '../config.js';
import { installedPlugins } from '../installed-plugins.js';
import { withKernel } from './open-kernel.js';

type Print = (line: string) => void;

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${option} is not valid JSON`);
  }
}

/** The operator CLI. `print` receives what the command reports; errors are thrown. */
export function buildCli(print: Print): Command {
  const program = new Command('ulms')
    .description('Operate a ULMS installation (database from DATABASE_URL, or the embedded one in ./data)')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('migrate')
    .description('apply the database migrations that are not applied yet')
    .action(async () => {
      const database = await openDatabase(serverConfigFromEnv().database);
      try {
        const { applied } = await applyMigrations(database.sql, await readMigrations(migrationsDir));
        print(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      } finally {
        await database.close();
      }
    });

  const institution = program.command('institution').description('create and configure institutions');
  institution
    .command('create')
    .description('create an institution')
    .requiredOption('--code <code>', 'institution code, such as 01UNI_INST')
    .requiredOption('--name <name>', 'display name')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .option('--currency <code>', 'default currency (ISO 4217)', 'USD')
    .option('--language <tag>', 'default language', 'en')
    .action((opts: { code: string; name: string; timeZone: string; currency: string; language: string }) =>
      withKernel(async (kernel) => {
        const created = await kernel.services.get(tenancyServices.institutions).create({
          code: opts.code,
          name: opts.name,
          timeZone: opts.timeZone,
          defaultCurrency: opts.currency,
          defaultLanguage: opts.language,
        });
        print(`created institution ${created.code} (${created.id})`);
      }),
    );

  institution
    .command('enable-module')
    .description('enable a module for an institution')
    .requiredOption('--institution <code>', 'institution code')
    .requiredOption('--module <id>', 'module id (see "ulms plugins list")')
    .option('--config <json>', 'module configuration as JSON')
    .action((opts: { institution: string; module: string; config?: string }) =>
      withKernel(async (kernel) => {
        const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
        const config = opts.config === undefined ? undefined : parseJson(opts.config, '--config');
        await kernel.services.get(tenancyServices.modules).enable(found.id, opts.module, config);
        print(`enabled ${opts.module} for ${found.code}`);
      }),
    );

  program
    .command('plugins')
    .description('installed plugins')
    .command('list')
    .description('list the installed plugins with their dependencies')
    .action(() => {
      for (const plugin of installedPlugins) {
        const deps = plugin.dependsOn?.length ? ` (depends on ${plugin.dependsOn.join(', ')})` : '';
        print(`${plugin.id}\t${plugin.title}${plugin.core ? ' [core]' : ''}${deps}`);
      }
    });

  return program;
}
