import { describe, expect, it } from 'vitest';
import { initialValues, mergeConfig, validateConfig } from './config-values.js';
import { fieldsOfSchema, labelFromName } from './schema-fields.js';

const schema = {
  type: 'object',
  required: ['primaryIdPrefix', 'maxRecords'],
  properties: {
    primaryIdPrefix: { type: 'string', title: 'Primary ID prefix', minLength: 2, maxLength: 4 },
    maxRecords: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
    debtLimit: { type: 'number', minimum: 0 },
    notifyByEmail: { type: 'boolean', default: true },
    letterFormat: { type: 'string', enum: ['pdf', 'html'], default: 'pdf' },
    nested: { type: 'object' },
  },
};

describe('fieldsOfSchema', () => {
  it('reads the supported properties with their rules and skips the others', () => {
    const fields = fieldsOfSchema(schema);
    expect(fields?.map((f) => [f.name, f.kind, f.label, f.required])).toEqual([
      ['primaryIdPrefix', 'string', 'Primary ID prefix', true],
      ['maxRecords', 'integer', 'Max records', true],
      ['debtLimit', 'number', 'Debt limit', false],
      ['notifyByEmail', 'boolean', 'Notify by email', false],
      ['letterFormat', 'enum', 'Letter format', false],
    ]);
  });

  it('gives null for schemas that are not objects with properties', () => {
    expect(fieldsOfSchema(null)).toBeNull();
    expect(fieldsOfSchema({ type: 'string' })).toBeNull();
  });

  it('makes labels from camel case and snake case names', () => {
    expect(labelFromName('max_loans')).toBe('Max loans');
  });
});

describe('initialValues', () => {
  it('prefers the saved configuration, then the defaults', () => {
    const fields = fieldsOfSchema(schema) ?? [];
    expect(initialValues(fields, { maxRecords: 25, notifyByEmail: false })).toEqual({
      primaryIdPrefix: '',
      maxRecords: '25',
      debtLimit: '',
      notifyByEmail: false,
      letterFormat: 'pdf',
    });
  });
});

describe('validateConfig', () => {
  const fields = fieldsOfSchema(schema) ?? [];

  it('converts valid values and leaves out empty optional ones', () => {
    const result = validateConfig(fields, {
      primaryIdPrefix: ' AB ',
      maxRecords: '12',
      debtLimit: '',
      notifyByEmail: true,
      letterFormat: 'html',
    });
    expect(result.errors).toEqual({});
    expect(result.config).toEqual({ primaryIdPrefix: 'AB', maxRecords: 12, notifyByEmail: true, letterFormat: 'html' });
  });

  it('reports each broken rule beside its field', () => {
    const result = validateConfig(fields, {
      primaryIdPrefix: 'A',
      maxRecords: '2.5',
      debtLimit: '-1',
      notifyByEmail: false,
      letterFormat: 'doc',
    });
    expect(result.errors).toEqual({
      primaryIdPrefix: 'must be at least 2 characters',
      maxRecords: 'must be a whole number',
      debtLimit: 'must be at least 0',
      letterFormat: 'must be one of pdf, html',
    });
  });

  it('requires required fields and bounds numbers from above', () => {
    const result = validateConfig(fields, { primaryIdPrefix: '', maxRecords: '101', notifyByEmail: false });
    expect(result.errors).toMatchObject({ primaryIdPrefix: 'is required', maxRecords: 'must be at most 100' });
  });
});

describe('mergeConfig', () => {
  const fields = fieldsOfSchema(schema) ?? [];

  it('keeps what the form cannot edit, replaces its fields and drops emptied ones', () => {
    const saved = { nested: { a: 1 }, debtLimit: 5, maxRecords: 10 };
    expect(mergeConfig(saved, fields, { maxRecords: 20, notifyByEmail: true })).toEqual({
      nested: { a: 1 },
      maxRecords: 20,
      notifyByEmail: true,
    });
  });

  it('starts from nothing when there is no saved object', () => {
    expect(mergeConfig(null, fields, { maxRecords: 3 })).toEqual({ maxRecords: 3 });
  });
});
