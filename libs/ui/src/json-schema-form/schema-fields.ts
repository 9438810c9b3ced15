/** A property the form edits with one input. */
export type ConfigLeafField =
  | (FieldBase & {
      readonly kind: 'string';
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly pattern?: string;
    })
  | (FieldBase & { readonly kind: 'number' | 'integer'; readonly minimum?: number; readonly maximum?: number })
  | (FieldBase & { readonly kind: 'boolean' })
  | (FieldBase & { readonly kind: 'enum'; readonly options: readonly string[] })
  /** An array of strings, typed as comma-separated values. */
  | (FieldBase & { readonly kind: 'list'; readonly itemPattern?: string; readonly minItems?: number });

/**
 * An optional object property, shown as a fieldset with a "Use …" checkbox: off leaves the object out of
 * the configuration, on shows its fields. Its fields' names are paths (`oidc.issuer`).
 */
export interface ConfigGroup {
  readonly kind: 'group';
  readonly name: string;
  readonly key: string;
  readonly label: string;
  readonly description?: string;
  readonly required: false;
  readonly fields: readonly ConfigLeafField[];
}

/** One property of a module's configuration schema, in the shape the form renders. */
export type ConfigField = ConfigLeafField | ConfigGroup;

interface FieldBase {
  /** The field's path in the configuration: the property name, or `group.property` inside a group. */
  readonly name: string;
  /** The property's own name within its object. */
  readonly key: string;
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

function leafFieldOf(name: string, key: string, property: JsonObject, required: boolean): ConfigLeafField | null {
  const base: FieldBase = {
    name,
    key,
    label: stringOf(property['title']) ?? labelFromName(key),
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
    case 'array': {
      const items = property['items'];
      if (!isObject(items) || items['type'] !== 'string') return null;
      return {
        ...base,
        kind: 'list',
        itemPattern: stringOf(items['pattern']),
        minItems: numberOf(property['minItems']),
      };
    }
    default:
      return null;
  }
}

function propertiesOf(schema: JsonObject): { properties: [string, JsonObject][]; required: Set<unknown> } | null {
  if (schema['type'] !== 'object' || !isObject(schema['properties'])) return null;
  const properties = Object.entries(schema['properties']).filter((entry): entry is [string, JsonObject] =>
    isObject(entry[1]),
  );
  return { properties, required: new Set(Array.isArray(schema['required']) ? schema['required'] : []) };
}

/**
 * An optional object without a default whose properties are plain fields becomes a group; objects with a
 * default (settings edited by a screen of their own) and required ones are left to other controls.
 */
function groupOf(key: string, property: JsonObject, required: boolean): ConfigGroup | null {
  if (required || 'default' in property) return null;
  const object = propertiesOf(property);
  if (!object) return null;
  const fields: ConfigLeafField[] = [];
  for (const [name, child] of object.properties) {
    const field = leafFieldOf(`${key}.${name}`, name, child, object.required.has(name));
    if (field) fields.push(field);
  }
  if (fields.length === 0) return null;
  return {
    kind: 'group',
    name: key,
    key,
    label: stringOf(property['title']) ?? labelFromName(key),
    description: stringOf(property['description']),
    required: false,
    fields,
  };
}

/**
 * The form fields of an object schema with string, number, integer, boolean, string-enum and
 * string-array properties, and optional objects of those (one level deep) as groups. Null when the
 * schema is not such an object: the module then has nothing to configure here.
 */
export function fieldsOfSchema(schema: unknown): ConfigField[] | null {
  const object = isObject(schema) ? propertiesOf(schema) : null;
  if (!object) return null;
  const fields: ConfigField[] = [];
  for (const [name, property] of object.properties) {
    const required = object.required.has(name);
    const field =
      property['type'] === 'object' ? groupOf(name, property, required) : leafFieldOf(name, name, property, required);
    if (field) fields.push(field);
  }
  return fields;
}

/** The fields with one input each: the plain ones and those of the groups. */
export function leafFields(fields: readonly ConfigField[]): ConfigLeafField[] {
  return fields.flatMap((field) => (field.kind === 'group' ? field.fields : [field]));
}
