import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not installed).
import ProviderModule from 'oidc-provider';

/** The little of oidc-provider's API the loopback provider uses. */
interface ProviderInstance {
  callback(): (request: unknown, response: unknown) => void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
const Provider = ProviderModule as ProviderConstructor;

/** An OpenID Connect provider on 127.0.0.1 for tests, built with oidc-provider and its development interactions. */
export interface OidcLoopbackProvider {
  /** `http://127.0.0.1:PORT`. */
  readonly issuer: string;
  close(): Promise<void>;
}

/**
 * Starts a provider with one confidential client and the given accounts (account id → claims). Its development
 * login form takes any login as the account id; an account not listed here has only its `sub`.
 */
export async function startOidcLoopbackProvider(options: {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly accounts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}): Promise<OidcLoopbackProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    findAccount: (_context: unknown, accountId: string) => ({
      accountId,
      claims: () => ({ sub: accountId, ...(options.accounts[accountId] ?? {}) }),
    }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['loopback provider cookie key'] },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
