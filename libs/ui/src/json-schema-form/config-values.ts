import type { ConfigField, ConfigLeafField } from './schema-fields.js';

/**
 * What the inputs hold, by field path (`prefix`, `oidc.issuer`): text for strings, numbers, enums and
 * lists (as typed), booleans for checkboxes and for whether a group is used (`oidc`).
 */
export type FormValues = Record<string, string | boolean>;

function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function inputValue(field: ConfigLeafField, saved: unknown): string | boolean {
  const value = saved ?? field.defaultValue;
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'list') return Array.isArray(value) ? value.join(', ') : '';
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The form's starting values: the saved configuration, else the schema default, else empty. A group is
 * on when the saved configuration has its object.
 */
export function initialValues(fields: readonly ConfigField[], config: unknown): FormValues {
  const saved = objectOf(config) ?? {};
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'group') {
      const group = objectOf(saved[field.key]);
      values[field.name] = group !== null;
      for (const child of field.fields) values[child.name] = inputValue(child, group?.[child.key]);
    } else {
      values[field.name] = inputValue(field, saved[field.key]);
    }
  }
  return values;
}

/** "openid, email,profile" → ["openid", "email", "profile"]. */
export function listItems(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function validateOne(field: ConfigLeafField, raw: string | boolean): { value?: unknown; error?: string } {
  if (field.kind === 'boolean') return { value: raw === true };
  const text = String(raw).trim();
  if (text === '') return field.required ? { error: 'is required' } : {};
  switch (field.kind) {
    case 'list': {
      const items = listItems(text);
      if (items.length === 0) return field.required ? { error: 'is required' } : {};
      const pattern = field.itemPattern === undefined ? null : new RegExp(field.itemPattern, 'u');
      const wrong = pattern ? items.find((item) => !pattern.test(item)) : undefined;
      if (wrong !== undefined) return { error: `"${wrong}" is not in the expected format` };
      if (field.minItems !== undefined && items.length < field.minItems)
        return { error: `needs at least ${field.minItems} values` };
      return { value: items };
    }
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

/**
 * Checks the values against the fields' rules and converts them to the configuration object. A group
 * that is off is left out with its fields unchecked; errors are keyed by field path.
 */
export function validateConfig(fields: readonly ConfigField[], values: FormValues): ConfigValidation {
  const errors: Record<string, string> = {};
  const config: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === 'group') {
      if (values[field.name] !== true) continue;
      const group = validateConfig(field.fields, values);
      Object.assign(errors, group.errors);
      config[field.key] = group.config;
      continue;
    }
    const result = validateOne(field, values[field.name] ?? '');
    if (result.error) errors[field.name] = result.error;
    else if (result.value !== undefined) config[field.key] = result.value;
  }
  return { errors, config };
}

/**
 * The configuration to save: the saved one with the form's fields replaced, so properties the form
 * cannot edit (other objects and arrays) are kept rather than reset. Emptied optional fields and groups
 * turned off are removed; a group turned on is merged the same way into its saved object.
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
    if (!(field.key in edited)) delete merged[field.key];
    else if (field.kind === 'group')
      merged[field.key] = mergeConfig(merged[field.key], field.fields, objectOf(edited[field.key]) ?? {});
    else merged[field.key] = edited[field.key];
  }
  return merged;
}
