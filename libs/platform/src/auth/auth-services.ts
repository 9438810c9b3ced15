import { createServiceRef } from '../plugin/service-ref.js';
import type { ApiKeyService } from './api-key.service.js';
import type { SessionService } from './session.service.js';
import type { CredentialService } from './credential.service.js';

/** Services of the auth plugin. */
export const authServices = {
  credentials: createServiceRef<CredentialService>({ id: 'auth.credentials' }),
  sessions: createServiceRef<SessionService>({ id: 'auth.sessions' }),
  apiKeys: createServiceRef<ApiKeyService>({ id: 'auth.apiKeys' }),
};
