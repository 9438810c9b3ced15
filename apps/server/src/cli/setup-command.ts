import { randomBytes } from 'node:crypto';
import {
  applyMigrations,
  type BuiltInRole,
  migrationsDir,
  openDatabase,
  readMigrations,
  tenancyServices,
} from '@ulms/platform';
import { shippedModules } from '@ulms/modules';
import type { Command } from 'commander';
import { serverConfigFromEnv } from '../config.js';
import { serverKernel } from '../operator/operator-socket.js';
import { createStaffUser, namesOf } from '../staff/create-staff-user.js';
import { CliError, withKernel } from './open-kernel.js';

/** The roles of the first administrator: the whole installation and every user. */
export const FIRST_ADMINISTRATOR_ROLES: readonly BuiltInRole[] = ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'];

/** A password nobody chose: 20 characters from 120 random bits. */
export const generatedPassword = (): string => randomBytes(15).toString('base64url');

interface SetupOptions {
  institution: string;
  name: string;
  username: string;
  displayName: string;
  timeZone: string;
  currency: string;
  language: string;
}

/**
 * `ulms setup`: a new installation's first steps in one command. Migrates the database, creates the
 * institution with every installed module enabled, and its first administrator with a generated password,
 * printed once, which must be changed at the first sign-in.
 */
export function registerSetupCommand(program: Command, print: (line: string) => void): void {
  program
    .command('setup')
    .description(
      'set up a new installation: migrate, create the institution with every module enabled and its first ' +
        'administrator, whose generated password is printed once and must be changed at the first sign-in',
    )
    .requiredOption('--institution <code>', 'institution code, such as 01UNI_INST')
    .requiredOption('--name <name>', "the institution's display name")
    .option('--username <name>', "the administrator's sign-in name", 'admin')
    .option('--display-name <name>', "the administrator's first and last name", 'System Administrator')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .option('--currency <code>', 'default currency (ISO 4217)', 'USD')
    .option('--language <tag>', 'default language', 'en')
    .action(async (opts: SetupOptions) => {
      const username = opts.username.trim();
      if (!username) throw new CliError('--username must not be empty');

      // Through the running server (see operator-socket.ts) the database is migrated already.
      if (!serverKernel()) {
        const database = await openDatabase(serverConfigFromEnv().database);
        try {
          const { applied } = await applyMigrations(database.sql, await readMigrations(migrationsDir));
          if (applied.length) print(`applied: ${applied.join(', ')}`);
        } finally {
          await database.close();
        }
      }

      await withKernel(async (kernel) => {
        const institutions = kernel.services.get(tenancyServices.institutions);
        const existing = await institutions.findByCode(opts.institution);
        if (existing) {
          throw new CliError(
            `institution "${existing.code}" exists already: setup is for a new institution; ` +
              'add staff to it with "ulms staff create"',
          );
        }
        const institution = await institutions.create({
          code: opts.institution,
          name: opts.name,
          timeZone: opts.timeZone,
          defaultCurrency: opts.currency,
          defaultLanguage: opts.language,
        });
        // The shipped modules; an institution's own plugins are enabled by choice (ulms institution enable-module).
        const shipped = new Set<string>(shippedModules.map((plugin) => plugin.id));
        const modules = kernel.plugins.filter((plugin) => shipped.has(plugin.id)).map((plugin) => plugin.id);
        for (const id of modules) await kernel.services.get(tenancyServices.modules).enable(institution.id, id);
        print(
          `created institution ${institution.code} (${institution.name}) with modules ${modules.join(', ') || 'none'}`,
        );

        const password = generatedPassword();
        await createStaffUser(kernel.services, {
          institutionId: institution.id,
          primaryId: username,
          ...namesOf(opts.displayName),
          password,
          roles: FIRST_ADMINISTRATOR_ROLES.map((role) => ({ role })),
          mustChangePassword: true,
        });
        print(`created administrator "${username}" with roles ${FIRST_ADMINISTRATOR_ROLES.join(', ')}`);
        print(`password: ${password}`);
        print('(shown this once and stored only as a hash; a new password must be chosen at the first sign-in)');
      });
    });
}
