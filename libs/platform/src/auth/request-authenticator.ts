import type { Principal } from '../trpc/request-context.js';
import type { ApiKeyService } from './api-key.service.js';
import type { SessionService } from './session.service.js';

/** The credentials a request may carry, whatever the HTTP framework. */
export interface RequestCredentials {
  readonly authorization?: string;
  /** The `apikey` query parameter, which integrations written for the reference use. */
  readonly apiKeyParameter?: string;
  readonly sessionToken?: string;
}

/** Finds the caller: an API key (header or parameter) first, then the session cookie. */
export async function authenticateRequest(
  credentials: RequestCredentials,
  services: { apiKeys: ApiKeyService; sessions: SessionService },
): Promise<Principal | null> {
  const fromHeader = /^apikey\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  const apiKey = fromHeader ?? credentials.apiKeyParameter;
  if (apiKey) return services.apiKeys.principalOf(apiKey);
  if (credentials.sessionToken) return services.sessions.principalOf(credentials.sessionToken);
  return null;
}
