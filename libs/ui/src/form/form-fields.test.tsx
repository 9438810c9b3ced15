import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckboxField } from './checkbox-field.js';
import { FormError } from './form-error.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

function describedText(html: string, attribute: string): string[] {
  const ids = /aria-describedby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
  return ids.map((id) => new RegExp(` id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? `missing ${attribute}`);
}

describe('TextField', () => {
  it('ties the label to the input and marks an error with aria-invalid and aria-describedby', () => {
    const html = renderToStaticMarkup(<TextField label="Username" hint="As on your card" error="is required" />);
    const inputId = /<input[^>]* id="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`for="${inputId}"`);
    expect(html).toContain('aria-invalid="true"');
    expect(describedText(html, 'hint and error')).toEqual(['As on your card', 'is required']);
  });

  it('has no invalid marker without an error', () => {
    const html = renderToStaticMarkup(<TextField label="Username" />);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
  });
});

describe('SelectField and CheckboxField', () => {
  it('describe their errors the same way', () => {
    const select = renderToStaticMarkup(
      <SelectField label="Role" options={[{ value: 'A', label: 'A' }]} placeholder="Choose" error="pick one" />,
    );
    expect(describedText(select, 'error')).toEqual(['pick one']);
    const checkbox = renderToStaticMarkup(<CheckboxField label="Enabled" error="must be on" />);
    expect(describedText(checkbox, 'error')).toEqual(['must be on']);
  });
});

describe('FormError', () => {
  it('renders nothing without errors and an alert with them', () => {
    expect(renderToStaticMarkup(<FormError />)).toBe('');
    const html = renderToStaticMarkup(
      <FormError message="Could not save" fieldErrors={{ name: 'is required' }} fieldLabels={{ name: 'Name' }} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Name: is required');
  });
});
