import { createServiceRef, type PluginConfig, pluginConfigRef } from '@ulms/platform';
import type { LettersConfig } from '../contracts/letters-config.schema.js';

/** The module's configuration as a dependency (deps) of its services. */
export const lettersConfigRef = pluginConfigRef<LettersConfig>();
/** The same, for the router and jobs, which take services from the container. */
export const lettersSettingsRef = createServiceRef<PluginConfig<LettersConfig>>({ id: 'letters.settings' });
