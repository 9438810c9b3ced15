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

const render = (props: { readOnly?: boolean; exclude?: readonly string[] }) =>
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

  it('leaves the inputs editable otherwise', () => {
    expect(render({})).not.toContain('disabled');
  });
});
