import { type CSSProperties, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { CheckboxField } from '../form/checkbox-field.js';
import { FormError } from '../form/form-error.js';
import { SelectField } from '../form/select-field.js';
import { TextField } from '../form/text-field.js';
import { type FormValues, initialValues, mergeConfig, validateConfig } from './config-values.js';
import { type ConfigField, type ConfigLeafField, fieldsOfSchema, labelFromName, leafFields } from './schema-fields.js';

export interface JsonSchemaFormProps {
  /** Lets a submit button outside the form (a dialog footer) submit it with `form={formId}`. */
  readonly formId: string;
  readonly schema: unknown;
  readonly config: unknown;
  /** Receives the saved configuration with the edited fields applied. */
  readonly onSubmit: (config: Record<string, unknown>) => void;
  /** Messages from the server, by property path (`prefix`, `oidc.issuer`; `oidc.scopes.1` shows under `oidc.scopes`). */
  readonly serverErrors?: Readonly<Record<string, string>>;
  readonly serverMessage?: string | null;
  /** Shows the values in disabled inputs, for staff who may read the settings but not change them. */
  readonly readOnly?: boolean;
  /** Properties a dedicated control edits elsewhere; the saved values are kept. */
  readonly exclude?: readonly string[];
}

function numberHint(field: ConfigLeafField): string | undefined {
  if (field.kind === 'list') return [field.description, 'Separate values with commas.'].filter(Boolean).join(' ');
  if (field.kind !== 'number' && field.kind !== 'integer') return field.description;
  const range = [
    field.minimum !== undefined ? `at least ${field.minimum}` : null,
    field.maximum !== undefined ? `at most ${field.maximum}` : null,
  ].filter(Boolean);
  const rangeText =
    range.length > 0
      ? `${field.kind === 'integer' ? 'A whole number' : 'A number'} ${range.join(' and ')}.`
      : undefined;
  return [field.description, rangeText].filter(Boolean).join(' ') || undefined;
}

/** The ui library has no stylesheet rule for a group of generated fields; these keep it self-contained. */
const groupStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: '1rem',
  minWidth: 0,
  margin: 0,
  padding: '0.75rem 1rem 1rem',
  border: '1px solid var(--ui-border, #d0d7de)',
  borderRadius: 'var(--ui-radius, 6px)',
};
const legendStyle: CSSProperties = { fontWeight: 600, fontSize: '0.95rem', padding: '0 0.3rem' };

/**
 * Where each server message goes: the field it names, else the nearest field or group its path is under
 * (`oidc.scopes.1` → `oidc.scopes`). Messages naming nothing in the form are returned apart.
 */
function placeServerErrors(
  fields: readonly ConfigField[],
  serverErrors: Readonly<Record<string, string>>,
): { placed: Record<string, string>; unplaced: Record<string, string> } {
  const names = new Set([...fields.map((field) => field.name), ...leafFields(fields).map((field) => field.name)]);
  const placed: Record<string, string> = {};
  const unplaced: Record<string, string> = {};
  for (const [path, message] of Object.entries(serverErrors)) {
    const segments = path.split('.');
    let target: string | null = null;
    for (let length = segments.length; length > 0 && target === null; length--) {
      const candidate = segments.slice(0, length).join('.');
      if (names.has(candidate)) target = candidate;
    }
    if (target === null) unplaced[path] = message;
    else placed[target] ??= message;
  }
  return { placed, unplaced };
}

/** A module configuration form built from its JSON Schema; validates each field when it is left and on submit. */
export function JsonSchemaForm({
  formId,
  schema,
  config,
  onSubmit,
  serverErrors = {},
  serverMessage,
  readOnly = false,
  exclude,
}: JsonSchemaFormProps) {
  const excluded = exclude?.join('\n') ?? '';
  const fields = useMemo(
    () => fieldsOfSchema(schema)?.filter((field) => !excluded.split('\n').includes(field.name)) ?? null,
    [schema, excluded],
  );
  const [values, setValues] = useState<FormValues>(() => initialValues(fields ?? [], config));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The messages' text, not the object (callers build a new one each render), so typing does not move focus.
  const serverErrorsText = JSON.stringify(serverErrors);

  // The server's messages sit under their fields, maybe out of view in a long form: focus the first field
  // they mark, unless the summary at the top appeared (it takes focus itself).
  useEffect(() => {
    const form = formRef.current;
    if (!form || serverErrorsText === '{}' || form.querySelector('.ui-form-error')) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus({ preventScroll: true });
    // Centred, so the field's label above it is in view too.
    invalid?.scrollIntoView?.({ block: 'center' });
  }, [serverErrorsText]);

  if (!fields || fields.length === 0) {
    return <p>This module has no settings to configure.</p>;
  }
  const { errors } = validateConfig(fields, values);
  // Messages about excluded properties belong to the control that edits them elsewhere.
  const server = placeServerErrors(
    fields,
    Object.fromEntries(
      Object.entries(serverErrors).filter(([path]) => !excluded.split('\n').includes(path.split('.')[0] ?? '')),
    ),
  );
  const errorOf = (name: string) =>
    (submitted || touched.has(name) ? errors[name] : undefined) ?? server.placed[name] ?? null;
  const set = (name: string, value: string | boolean) => setValues((all) => ({ ...all, [name]: value }));
  const touch = (name: string) => setTouched((all) => new Set(all).add(name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setSubmitted(true);
    const result = validateConfig(fields, values);
    if (Object.keys(result.errors).length === 0) onSubmit(mergeConfig(config, fields, result.config));
  };

  const shownErrors = { ...server.unplaced, ...(submitted ? errors : {}) };
  const groupOf = (name: string) => fields.find((field) => field.kind === 'group' && name.startsWith(`${field.name}.`));
  const fieldLabels = Object.fromEntries(
    [...fields, ...leafFields(fields)].map((field) => {
      const group = groupOf(field.name);
      return [field.name, group ? `${group.label}: ${field.label}` : field.label];
    }),
  );

  const renderLeaf = (field: ConfigLeafField) => {
    const common = {
      label: field.label,
      error: errorOf(field.name),
      disabled: readOnly,
      onBlur: () => touch(field.name),
    };
    switch (field.kind) {
      case 'boolean':
        return (
          <CheckboxField
            key={field.name}
            {...common}
            hint={field.description}
            checked={values[field.name] === true}
            onChange={(event) => set(field.name, event.target.checked)}
          />
        );
      case 'enum':
        return (
          <SelectField
            key={field.name}
            {...common}
            hint={field.description}
            required={field.required}
            options={field.options.map((option) => ({ value: option, label: labelFromName(option) }))}
            placeholder={field.required || field.defaultValue !== undefined ? undefined : '(not set)'}
            value={String(values[field.name] ?? '')}
            onChange={(event) => set(field.name, event.target.value)}
          />
        );
      default:
        return (
          <TextField
            key={field.name}
            {...common}
            hint={numberHint(field)}
            required={field.required}
            inputMode={field.kind === 'number' ? 'decimal' : field.kind === 'integer' ? 'numeric' : undefined}
            value={String(values[field.name] ?? '')}
            onChange={(event) => set(field.name, event.target.value)}
          />
        );
    }
  };

  return (
    <form id={formId} ref={formRef} className="ui-form" noValidate onSubmit={submit}>
      <FormError message={serverMessage} fieldErrors={shownErrors} fieldLabels={fieldLabels} />
      {fields.map((field) =>
        field.kind === 'group' ? (
          <fieldset key={field.name} className="ui-form-group" style={groupStyle}>
            <legend style={legendStyle}>{field.label}</legend>
            <CheckboxField
              label={`Use ${field.label}`}
              hint={field.description}
              error={server.placed[field.name] ?? null}
              disabled={readOnly}
              checked={values[field.name] === true}
              onChange={(event) => set(field.name, event.target.checked)}
            />
            {values[field.name] === true ? field.fields.map(renderLeaf) : null}
          </fieldset>
        ) : (
          renderLeaf(field)
        ),
      )}
    </form>
  );
}
