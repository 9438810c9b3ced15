import { Client, Filter, InvalidCredentialsError, SizeLimitExceededError, type Entry } from 'ldapts';
import type { Logger } from 'pino';
import type { SignInSubject } from '../../contracts/identity.js';
import type { EnabledExtensions } from '../../plugin/service-ref.js';
import type { LdapConfig } from './external-auth-config.schema.js';
import { resolveExternalSubject } from './external-subject.js';
import type { PasswordDirectory } from './password-directory.js';

const DEFAULT_TIMEOUT_MS = 5_000;

export interface LdapDirectoryDeps {
  /** The institution's LDAP settings; undefined where none is configured. */
  configOf(institutionId: string): Promise<LdapConfig | undefined>;
  extensions: EnabledExtensions;
  logger: Logger;
  /** Where the service account's password is read from (`bindPasswordEnv`); the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** For connecting and for each operation. */
  timeoutMs?: number;
}

/** The search filter with the login put in, escaped (RFC 4515) so that it can only ever be a value. */
export function ldapFilterFor(searchFilter: string, login: string): string {
  return searchFilter.replaceAll('{{login}}', Filter.escape(login));
}

/** An attribute's first value as text, whatever case the directory spells its name in. */
function attributeValue(entry: Entry, attribute: string): string | null {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const raw = key === undefined ? undefined : entry[key];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return null;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

/**
 * Checks a login and password against the institution's LDAP directory: binds as the service account, finds the
 * one entry the filter matches, binds as that entry with the password, and resolves the record its attribute
 * names. The password is sent to the directory only, never stored.
 */
export function createLdapDirectory(deps: LdapDirectoryDeps): PasswordDirectory {
  const env = deps.env ?? process.env;
  const timeout = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const log = deps.logger.child({ component: 'ldap-directory' });

  /** The entry's DN and attribute value when the password is right; null otherwise. */
  const verify = async (
    institutionId: string,
    config: LdapConfig,
    login: string,
    password: string,
  ): Promise<{ dn: string; value: string | null } | null> => {
    const bindPassword = env[config.bindPasswordEnv];
    if (!bindPassword) {
      log.error({ institutionId, variable: config.bindPasswordEnv }, 'LDAP service account password is not set');
      return null;
    }
    const client = new Client({ url: config.url, timeout, connectTimeout: timeout });
    try {
      await client.bind(config.bindDn, bindPassword);
      const { searchEntries } = await client.search(config.searchBase, {
        scope: 'sub',
        filter: ldapFilterFor(config.searchFilter, login),
        attributes: [config.attribute],
        sizeLimit: 2,
      });
      if (searchEntries.length > 1) log.warn({ institutionId }, 'LDAP filter matched more than one entry');
      if (searchEntries.length !== 1) return null;
      const [entry] = searchEntries as [Entry];
      await client.bind(entry.dn, password);
      return { dn: entry.dn, value: attributeValue(entry, config.attribute) };
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return null;
      if (error instanceof SizeLimitExceededError) {
        log.warn({ institutionId }, 'LDAP filter matched more than one entry');
        return null;
      }
      log.error({ err: error, institutionId, url: config.url }, 'LDAP directory failed');
      return null;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };

  return {
    async authenticate(institutionId, login, password): Promise<SignInSubject | null> {
      // An empty password would be an anonymous bind, which directories accept for any DN.
      if (password.length === 0 || login.trim() === '') return null;
      const config = await deps.configOf(institutionId);
      if (!config) return null;
      const verified = await verify(institutionId, config, login.trim(), password);
      if (!verified) return null;
      if (verified.value === null) {
        log.warn({ institutionId, dn: verified.dn, attribute: config.attribute }, 'LDAP entry lacks the attribute');
        return null;
      }
      return resolveExternalSubject(deps.extensions, institutionId, config.identifierType, verified.value);
    },
  };
}
