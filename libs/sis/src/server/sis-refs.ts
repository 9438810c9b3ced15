import { createServiceRef, type PluginConfig, pluginConfigRef } from '@ulms/platform';
import type { SisConfig } from '../contracts/sis-config.schema.js';
import type { SisProfileStore } from './sis-profile.store.js';
import type { SisRunService } from './sis-run.service.js';

export const sisConfigRef = pluginConfigRef<SisConfig>();
export const sisSettingsRef = createServiceRef<PluginConfig<SisConfig>>({ id: 'sis.settings' });
export const sisProfilesRef = createServiceRef<SisProfileStore>({ id: 'sis.profiles' });
export const sisRunsRef = createServiceRef<SisRunService>({ id: 'sis.runs' });
