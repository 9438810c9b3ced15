import { z } from 'zod';
import { createExtensionPoint } from '../plugin/extension-point.js';

/** A staff preference a plugin declares: its key (`<pluginId>.<name>`) and the schema its value must match. */
export interface PreferenceKey<Value = unknown> {
  readonly id: string;
  readonly schema: z.ZodType<Value>;
}

/** Where plugins declare the keys staff members may keep preferences under. */
export const preferenceKeys = createExtensionPoint<PreferenceKey>({ id: 'platform.preferenceKeys' });

/** The most a preference's value may take, as JSON: choices of a screen, never data. */
export const MAX_PREFERENCE_BYTES = 4_096;

const preferenceKeyName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z][a-zA-Z0-9-]*\.[a-zA-Z0-9.-]+$/, 'is not a preference key');

export const getPreferenceInput = z.object({ key: preferenceKeyName });
export const setPreferenceInput = z.object({ key: preferenceKeyName, value: z.unknown() });
export type SetPreferenceInput = z.input<typeof setPreferenceInput>;
