import { createServiceRef } from '../plugin/service-ref.js';
import type { ApiKeyService } from './api-key.service.js';
import type { SessionService } from './session.service.js';
import type { StaffAccountService } from './staff-account.service.js';

/** Services of the auth plugin. */
export const authServices = {
  accounts: createServiceRef<StaffAccountService>({ id: 'auth.accounts' }),
  sessions: createServiceRef<SessionService>({ id: 'auth.sessions' }),
  apiKeys: createServiceRef<ApiKeyService>({ id: 'auth.apiKeys' }),
};
