import type { AddressInfo } from 'node:net';
import ldap from 'ldapjs';

/** A person or service account in the loopback directory. */
export interface LdapTestEntry {
  readonly dn: string;
  readonly password: string;
  readonly attributes: Readonly<Record<string, string | readonly string[]>>;
}

/** An LDAP directory on 127.0.0.1 for tests, built with ldapjs. */
export interface LdapLoopbackServer {
  /** `ldap://127.0.0.1:PORT`. */
  readonly url: string;
  /** How many binds it has answered (with any outcome). */
  readonly binds: () => number;
  close(): Promise<void>;
}

interface BindRequest {
  readonly dn: { toString(): string };
  readonly credentials: string;
}
interface SearchRequest {
  readonly filter: { matches(attributes: object, strictAttrCase?: boolean): boolean };
}
interface Response {
  createSearchEntry(entry: { objectName: unknown; attributes: unknown[] }): unknown;
  send(entry: unknown): void;
  end(): void;
}
type Next = (error?: unknown) => void;

/** ldapjs's filters throw on an entry that lacks a filtered attribute: that entry does not match. */
function matches(filter: SearchRequest['filter'], attributes: object): boolean {
  try {
    return filter.matches(attributes, false);
  } catch {
    return false;
  }
}

const normalDn = (dn: string) => dn.replace(/\s*,\s*/g, ',').toLowerCase();

/**
 * Starts a directory holding `entries` under `base`. Like real directories, a bind with an empty password is an
 * anonymous bind that succeeds for any DN, which is why clients must refuse empty passwords themselves.
 */
export async function startLdapLoopbackServer(options: {
  readonly base: string;
  readonly entries: readonly LdapTestEntry[];
}): Promise<LdapLoopbackServer> {
  const server = ldap.createServer();
  const passwords = new Map(options.entries.map((entry) => [normalDn(entry.dn), entry.password]));
  let binds = 0;
  server.bind(options.base, (request: BindRequest, response: Response, next: Next) => {
    binds += 1;
    const known = passwords.get(normalDn(request.dn.toString()));
    if (request.credentials !== '' && known !== request.credentials) {
      return next(new ldap.InvalidCredentialsError());
    }
    response.end();
    return next();
  });
  server.search(options.base, (request: SearchRequest, response: Response, next: Next) => {
    for (const entry of options.entries) {
      if (!matches(request.filter, entry.attributes)) continue;
      // Every attribute, as a built entry: ldapjs's own selection drops requested names not in lower case.
      const attributes = Object.entries(entry.attributes).map(
        ([type, value]) => new ldap.Attribute({ type, values: typeof value === 'string' ? [value] : [...value] }),
      );
      response.send(response.createSearchEntry({ objectName: ldap.parseDN(entry.dn), attributes }));
    }
    response.end();
    return next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  // ldapjs's types leave out the listening address.
  const { port } = (server as unknown as { address(): AddressInfo }).address();
  return {
    url: `ldap://127.0.0.1:${port}`,
    binds: () => binds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
