import type { ConfigField } from './schema-fields.js';

/** What the inputs hold: text for strings, numbers and enums (as typed), booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

/** The form's starting values: the saved configuration, else the schema default, else empty. */
export function initialValues(fields: readonly ConfigField[], config: unknown): FormValues {
  const saved = typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
  const values: FormValues = {};
  for (const field of fields) {
    const value = saved[field.name] ?? field.defaultValue;
    values[field.name] =
      field.kind === 'boolean' ? value === true : value === undefined || value === null ? '' : String(value);
  }
  return values;
}

function validateOne(field: ConfigField, raw: string | boolean): { value?: unknown; error?: string } {
  if (field.kind === 'boolean') return { value: raw === true };
  const text = String(raw).trim();
  if (text === '') return field.required ? { error: 'is required' } : {};
  switch (field.kind) {
    case 'enum':
      return field.options.includes(text) ? { value: text } : { error: `must be one of ${field.options.join(', ')}` };
    case 'string':
      if (field.minLength !== undefined && text.length < field.minLength)
        return { error: `must be at least ${field.minLength} characters` };
      if (field.maxLength !== undefined && text.length > field.maxLength)
        return { error: `must be at most ${field.maxLength} characters` };
      if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(text))
        return { error: 'is not in the expected format' };
      return { value: text };
    case 'number':
    case 'integer': {
      const number = Number(text);
      if (!Number.isFinite(number)) return { error: 'must be a number' };
      if (field.kind === 'integer' && !Number.isInteger(number)) return { error: 'must be a whole number' };
      if (field.minimum !== undefined && number < field.minimum) return { error: `must be at least ${field.minimum}` };
      if (field.maximum !== undefined && number > field.maximum) return { error: `must be at most ${field.maximum}` };
      return { value: number };
    }
  }
}

export interface ConfigValidation {
  readonly errors: Record<string, string>;
  /** The configuration to send; empty optional fields are left out so the server applies its defaults. */
  readonly config: Record<string, unknown>;
}

/** Checks the values against the fields' rules and converts them to the configuration object. */
export function validateConfig(fields: readonly ConfigField[], values: FormValues): ConfigValidation {
  const errors: Record<string, string> = {};
  const config: Record<string, unknown> = {};
  for (const field of fields) {
    const result = validateOne(field, values[field.name] ?? '');
    if (result.error) errors[field.name] = result.error;
    else if (result.value !== undefined) config[field.name] = result.value;
  }
  return { errors, config };
}

/**
 * The configuration to save: the saved one with the form's fields replaced, so properties the form
 * cannot edit (nested objects, arrays) are kept rather than reset. Emptied optional fields are removed.
 */
export function mergeConfig(
  saved: unknown,
  fields: readonly ConfigField[],
  edited: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> =
    typeof saved === 'object' && saved !== null && !Array.isArray(saved)
      ? { ...(saved as Record<string, unknown>) }
      : {};
  for (const field of fields) {
    if (field.name in edited) merged[field.name] = edited[field.name];
    else delete merged[field.name];
  }
  return merged;
}
