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

/** Like the auth plugin's settings: optional objects of plain fields, one with a list of strings. */
const nestedSchema = {
  type: 'object',
  properties: {
    oidc: {
      type: 'object',
      title: 'OpenID Connect',
      description: 'Sign in at the provider.',
      required: ['issuer', 'clientId'],
      properties: {
        issuer: { type: 'string', format: 'uri', title: 'Issuer' },
        clientId: { type: 'string', minLength: 1 },
        clientSecret: { not: {} },
        claim: { type: 'string', default: 'sub' },
        scopes: {
          type: 'array',
          default: ['openid', 'email'],
          items: { type: 'string', pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' },
        },
      },
    },
    ldap: {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string' }, useTls: { type: 'boolean', default: true } },
    },
    withDefault: { type: 'object', default: {}, properties: { a: { type: 'string' } } },
    requiredObject: { type: 'object', properties: { a: { type: 'string' } } },
    limit: { type: 'integer' },
  },
  required: ['requiredObject'],
};

describe('nested optional objects', () => {
  const fields = fieldsOfSchema(nestedSchema) ?? [];

  it('become groups of plain fields named by path; objects with a default or required are left out', () => {
    expect(fields.map((f) => [f.name, f.kind, f.label])).toEqual([
      ['oidc', 'group', 'OpenID Connect'],
      ['ldap', 'group', 'Ldap'],
      ['limit', 'integer', 'Limit'],
    ]);
    const oidc = fields[0];
    expect(oidc?.kind === 'group' && oidc.fields.map((f) => [f.name, f.key, f.kind, f.required])).toEqual([
      ['oidc.issuer', 'issuer', 'string', true],
      ['oidc.clientId', 'clientId', 'string', true],
      ['oidc.claim', 'claim', 'string', false],
      ['oidc.scopes', 'scopes', 'list', false],
    ]);
  });

  it('starts a group on only when the saved configuration has it, lists as comma-separated text', () => {
    expect(
      initialValues(fields, { oidc: { issuer: 'https://id.example', clientId: 'c', scopes: ['openid'] } }),
    ).toEqual({
      oidc: true,
      'oidc.issuer': 'https://id.example',
      'oidc.clientId': 'c',
      'oidc.claim': 'sub',
      'oidc.scopes': 'openid',
      ldap: false,
      'ldap.url': '',
      'ldap.useTls': true,
      limit: '',
    });
    expect(initialValues(fields, {})['oidc.scopes']).toBe('openid, email');
  });

  it('leaves a group that is off out, unchecked, and builds the object of one that is on', () => {
    const values = {
      ...initialValues(fields, {}),
      oidc: true,
      'oidc.issuer': ' https://id.example ',
      'oidc.clientId': 'ulms',
      'oidc.scopes': 'openid,  email ,profile,',
    };
    expect(validateConfig(fields, values)).toEqual({
      errors: {},
      config: {
        oidc: { issuer: 'https://id.example', clientId: 'ulms', claim: 'sub', scopes: ['openid', 'email', 'profile'] },
      },
    });
  });

  it('keys the errors of a group by field path', () => {
    const values = { ...initialValues(fields, {}), oidc: true, 'oidc.scopes': 'openid, open id', ldap: true };
    expect(validateConfig(fields, values).errors).toEqual({
      'oidc.issuer': 'is required',
      'oidc.clientId': 'is required',
      'oidc.scopes': '"open id" is not in the expected format',
      'ldap.url': 'is required',
    });
  });

  it('merges a group into its saved object and removes a group turned off', () => {
    const saved = {
      oidc: { issuer: 'https://old.example', clientId: 'c', extra: 1 },
      ldap: { url: 'ldap://x' },
      other: 2,
    };
    expect(mergeConfig(saved, fields, { oidc: { issuer: 'https://new.example', clientId: 'c' } })).toEqual({
      oidc: { issuer: 'https://new.example', clientId: 'c', extra: 1 },
      other: 2,
    });
  });
});
