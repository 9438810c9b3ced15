/** One property of a module's configuration schema, in the shape the form renders. */
export type ConfigField =
  | (FieldBase & {
      readonly kind: 'string';
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly pattern?: string;
    })
  | (FieldBase & { readonly kind: 'number' | 'integer'; readonly minimum?: number; readonly maximum?: number })
  | (FieldBase & { readonly kind: 'boolean' })
  | (FieldBase & { readonly kind: 'enum'; readonly options: readonly string[] });

interface FieldBase {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly required: boolean;
  readonly defaultValue?: unknown;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** "maxLoansPerPatron" → "Max loans per patron", for properties without a title. */
export function labelFromName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldOf(name: string, property: JsonObject, required: boolean): ConfigField | null {
  const base: FieldBase = {
    name,
    label: stringOf(property['title']) ?? labelFromName(name),
    description: stringOf(property['description']),
    required,
    defaultValue: property['default'],
  };
  if (Array.isArray(property['enum']) && property['enum'].every((v) => typeof v === 'string')) {
    return { ...base, kind: 'enum', options: property['enum'] as string[] };
  }
  switch (property['type']) {
    case 'string':
      return {
        ...base,
        kind: 'string',
        minLength: numberOf(property['minLength']),
        maxLength: numberOf(property['maxLength']),
        pattern: stringOf(property['pattern']),
      };
    case 'number':
    case 'integer':
      return {
        ...base,
        kind: property['type'],
        minimum: numberOf(property['minimum']),
        maximum: numberOf(property['maximum']),
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    default:
      return null;
  }
}

/**
 * The form fields of an object schema with string, number, integer, boolean and string-enum
 * properties. Null when the schema is not such an object: the module then has nothing to configure here.
 */
export function fieldsOfSchema(schema: unknown): ConfigField[] | null {
  if (!isObject(schema) || schema['type'] !== 'object' || !isObject(schema['properties'])) return null;
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  const fields: ConfigField[] = [];
  for (const [name, property] of Object.entries(schema['properties'])) {
    if (!isObject(property)) continue;
    const field = fieldOf(name, property, required.has(name));
    if (field) fields.push(field);
  }
  return fields;
}
