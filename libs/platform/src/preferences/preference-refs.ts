import { createServiceRef } from '../plugin/service-ref.js';
import type { PreferenceService } from './preference.service.js';

export const preferenceServices = {
  preferences: createServiceRef<PreferenceService>({ id: 'platform.preferences' }),
};
