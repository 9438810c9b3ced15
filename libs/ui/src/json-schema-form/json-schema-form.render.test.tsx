import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonSchemaForm } from './json-schema-form.js';

const schema = {
  type: 'object',
  properties: {
    enabled: { type: 'boolean', title: 'Generate user IDs', default: false },
    generator: { type: 'string', default: 'prefix-sequence' },
    prefix: { type: 'string', title: 'Prefix', maxLength: 20 },
    pinNumberMethod: { type: 'string', enum: ['none', 'fourDigit'], default: 'none' },
  },
};

const render = (props: {
  readOnly?: boolean;
  exclude?: readonly string[];
  serverErrors?: Readonly<Record<string, string>>;
}) =>
  renderToStaticMarkup(
    <JsonSchemaForm
      formId="f"
      schema={schema}
      config={{ enabled: true, prefix: 'LIB' }}
      onSubmit={() => undefined}
      {...props}
    />,
  );

describe('JsonSchemaForm', () => {
  it('leaves out the excluded properties', () => {
    const html = render({ exclude: ['generator'] });
    expect(html).toContain('Generate user IDs');
    expect(html).toContain('Prefix');
    expect(html).not.toContain('Generator');
  });

  it('shows the saved values in disabled inputs when read-only', () => {
    const html = render({ readOnly: true });
    expect(html.match(/<input[^>]*disabled=""/g)?.length).toBe(3);
    expect(html).toMatch(/<select[^>]*disabled=""/);
    expect(html).toContain('value="LIB"');
  });

  it('words enum options and offers no empty choice when the schema has a default', () => {
    const html = render({});
    expect(html).toContain('>Four digit</option>');
    expect(html).not.toContain('(not set)');
  });

  it("leaves the server's messages about excluded properties to the control that edits them", () => {
    const html = render({ exclude: ['generator'], serverErrors: { 'generator.kind': 'is unknown' } });
    expect(html).not.toContain('is unknown');
  });

  it('leaves the inputs editable otherwise', () => {
    expect(render({})).not.toContain('disabled');
  });
});

const nestedSchema = {
  type: 'object',
  properties: {
    oidc: {
      type: 'object',
      title: 'OpenID Connect',
      required: ['issuer'],
      properties: {
        issuer: { type: 'string', title: 'Issuer' },
        scopes: { type: 'array', title: 'Scopes', items: { type: 'string' } },
      },
    },
    ldap: {
      type: 'object',
      title: 'LDAP',
      properties: { url: { type: 'string', title: 'Directory URL' } },
    },
  },
};

const renderNested = (config: unknown, serverErrors?: Record<string, string>) =>
  renderToStaticMarkup(
    <JsonSchemaForm
      formId="f"
      schema={nestedSchema}
      config={config}
      serverErrors={serverErrors}
      onSubmit={() => undefined}
    />,
  );

describe('JsonSchemaForm with nested objects', () => {
  it('shows each object as a fieldset with a "Use" checkbox, its fields only when it is on', () => {
    const html = renderNested({ oidc: { issuer: 'https://id.example', scopes: ['openid', 'email'] } });
    expect(html.match(/<fieldset/g)?.length).toBe(2);
    expect(html).toContain('<legend');
    expect(html).toContain('Use OpenID Connect');
    expect(html).toContain('Use LDAP');
    expect(html).toContain('value="https://id.example"');
    expect(html).toContain('value="openid, email"');
    expect(html).toContain('Separate values with commas.');
    expect(html).not.toContain('Directory URL');
  });

  it("shows the server's message under the nested field it names, an array item's under the array", () => {
    const html = renderNested(
      { oidc: { issuer: 'http://id.example' } },
      { 'oidc.issuer': 'must use https://', 'oidc.scopes.1': 'a scope has no spaces' },
    );
    expect(html).toMatch(/Issuer[\s\S]*must use https:\/\/[\s\S]*Scopes[\s\S]*a scope has no spaces/);
    expect(html).not.toContain('role="alert"');
  });

  it('shows a message about a property the form lacks under its group, one naming nothing at the top', () => {
    const html = renderNested({}, { 'oidc.clientSecret': 'is not kept in the database', mystery: 'is unknown' });
    expect(html).toMatch(/Use OpenID Connect<\/label><p class="ui-field__error"[^>]*>is not kept in the database/);
    expect(html).toContain('role="alert"');
    expect(html).toContain('mystery: is unknown');
  });
});
