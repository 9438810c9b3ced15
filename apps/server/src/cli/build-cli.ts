import { newPlugin } from './plugin-new/new-plugin.js';
import { Command } from 'commander';
import {
  applyMigrations,
  authServices,
  type BuiltInRole,
  builtInRoleCodes,
  jobServices,
  migrationsDir,
  openDatabase,
  readMigrations,
  tenancyServices,
} from '@ulms/platform';
import { serverConfigFromEnv } from '../config.js';
import { installedPlugins } from '../installed-plugins.js';
import { serverKernel } from '../operator/operator-socket.js';
import { createStaffUser, namesOf } from '../staff/create-staff-user.js';
import { withKernel } from './open-kernel.js';
import { registerSetupCommand } from './setup-command.js';
import { registerCoursesCommand } from './courses-command.js';
import { registerSisCommand } from './sis-command.js';

type Print = (line: string) => void;

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${option} is not valid JSON`);
  }
}

function parseRole(value: string): BuiltInRole {
  const role = value.toUpperCase();
  if (!builtInRoleCodes.includes(role as BuiltInRole)) {
    throw new Error(`unknown role "${value}"; roles are ${builtInRoleCodes.join(', ')}`);
  }
  return role as BuiltInRole;
}

const collectRole = (value: string, previous: BuiltInRole[]) => [...previous, parseRole(value)];

/** The operator CLI. `print` receives what the command reports; errors are thrown. */
export function buildCli(print: Print, io: { readPassword: () => Promise<string> }): Command {
  const program = new Command('ulms')
    .description('Operate a ULMS installation (database from DATABASE_URL, or the embedded one in ./data)')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('migrate')
    .description('apply the database migrations that are not applied yet')
    .action(async () => {
      if (serverKernel()) {
        print('the running server applied the migrations when it started');
        return;
      }
      const database = await openDatabase(serverConfigFromEnv().database);
      try {
        const { applied } = await applyMigrations(database.sql, await readMigrations(migrationsDir));
        print(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      } finally {
        await database.close();
      }
    });

  registerSetupCommand(program, print);

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

  institution
    .command('disable-module')
    .description('disable a module for an institution (disabling users ends every staff session there)')
    .requiredOption('--institution <code>', 'institution code')
    .requiredOption('--module <id>', 'module id')
    .action((opts: { institution: string; module: string }) =>
      withKernel(async (kernel) => {
        const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
        await kernel.services.get(tenancyServices.modules).disable(found.id, opts.module);
        print(`disabled ${opts.module} for ${found.code}`);
      }),
    );

  program
    .command('staff')
    .description('staff: user records of type Staff with a password and roles')
    .command('create')
    .description(
      'create a Staff user record (an administrator unless --role says otherwise); password from a prompt or stdin',
    )
    .requiredOption('--institution <code>', 'institution code')
    .requiredOption('--username <id>', 'primary identifier: what they sign in with')
    .option('--display-name <name>', 'first and last name (defaults to the username)')
    .option('--role <role>', `role, repeatable: ${builtInRoleCodes.join(', ')}`, collectRole, [])
    .option('--library <code>', 'limit the roles to this library (default: the whole institution)')
    .option('--user-group <code>', "user group (default: the institution's first Staff user group)")
    .option('--must-change-password', 'require a new password at first sign-in')
    .action(
      (opts: {
        institution: string;
        username: string;
        displayName?: string;
        role: BuiltInRole[];
        library?: string;
        userGroup?: string;
        mustChangePassword?: boolean;
      }) =>
        withKernel(async (kernel) => {
          const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
          const roles: BuiltInRole[] = opts.role.length
            ? opts.role
            : ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'];
          const password = await io.readPassword();
          await createStaffUser(kernel.services, {
            institutionId: found.id,
            primaryId: opts.username,
            ...namesOf(opts.displayName ?? opts.username),
            password,
            roles: roles.map((role) => ({ role, scope: opts.library ?? null })),
            userGroup: opts.userGroup,
            mustChangePassword: opts.mustChangePassword,
          });
          print(`created staff user ${opts.username} in ${found.code} with roles ${roles.join(', ')}`);
        }),
    );

  program
    .command('apikey')
    .description('API keys for integrations')
    .command('create')
    .description('create an API key and print it (once: only its hash is kept)')
    .requiredOption('--institution <code>', 'institution code')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--permissions <list>', 'comma-separated permission names')
    .option('--role <role>', 'grant the permissions of this role')
    .action((opts: { institution: string; name: string; permissions?: string; role?: string }) =>
      withKernel(async (kernel) => {
        if (!opts.permissions && !opts.role) throw new Error('give --permissions or --role');
        const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
        const created = await kernel.services.get(authServices.apiKeys).create(
          found.id,
          {
            name: opts.name,
            permissions:
              opts.permissions
                ?.split(',')
                .map((p) => p.trim())
                .filter(Boolean) ?? [],
            role: opts.role ? parseRole(opts.role) : undefined,
          },
          null,
        );
        print(created.key);
      }),
    );

  program
    .command('job')
    .description('background jobs')
    .command('run')
    .description('run a job for an institution and wait for its report (for schedulers such as cron)')
    .argument('<type>', 'job type, such as users.purge')
    .requiredOption('--institution <code>', 'institution code')
    .option('--params <json>', 'job parameters as JSON', '{}')
    .action((type: string, opts: { institution: string; params: string }) =>
      withKernel(async (kernel) => {
        const found = await kernel.services.get(tenancyServices.institutions).getByCode(opts.institution);
        const jobs = kernel.services.get(jobServices.jobs);
        const started = await jobs.start(found.id, type, parseJson(opts.params, '--params'), 'ulms CLI');
        await jobs.waitFor(started.id);
        const done = await jobs.get(found.id, started.id);
        print(`${done.title}: ${done.status}${done.error ? ` (${done.error})` : ''}`);
        print(JSON.stringify(done.report, null, 2));
        if (done.status !== 'SUCCEEDED') throw new Error(`job ${done.id} ${done.status.toLowerCase()}`);
      }),
    );

  registerSisCommand(program, print);
  registerCoursesCommand(program, print);

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

  program
    .command('plugin')
    .description('write plugins for an institution')
    .command('new')
    .description('scaffold plugins/<id>: server, contracts and admin entries, a rule with configuration, a test')
    .argument('<id>', 'the plugin id, kebab-case (campus-rules)')
    .action(async (id: string) => {
      await newPlugin(id, { print });
    });

  return program;
}
