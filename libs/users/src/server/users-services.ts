import { createServiceRef } from '@ulms/platform';
import { usersServices as contractServices } from '../contracts/users-services.js';
import type { UserPartsService } from './user-parts.service.js';

/** Services of the users module: those of its contracts, and `parts`, whose interface is still server-side. */
export const usersServices = {
  ...contractServices,
  parts: createServiceRef<UserPartsService>({ id: 'users.parts' }),
};
