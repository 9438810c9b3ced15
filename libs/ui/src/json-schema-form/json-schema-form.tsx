import { type FormEvent, useMemo, useState } from 'react';
import { CheckboxField } from '../form/checkbox-field.js';
import { FormError } from '../form/form-error.js';
import { SelectField } from '../form/select-field.js';
import { TextField } from '../form/text-field.js';
import { type FormValues, initialValues, mergeConfig, validateConfig } from './config-values.js';
import { type ConfigField, fieldsOfSchema, labelFromName } from './schema-fields.js';

export interface JsonSchemaFormProps {
  /** Lets a submit button outside the form (a dialog footer) submit it with `form={formId}`. */
  readonly formId: string;
  readonly schema: unknown;
  readonly config: unknown;
  /** Receives the saved configuration with the edited fields applied. */
  readonly onSubmit: (config: Record<string, unknown>) => void;
  /** Messages from the server, by property name. */
  readonly serverErrors?: Readonly<Record<string, string>>;
  readonly serverMessage?: string | null;
  /** Shows the values in disabled inputs, for staff who may read the settings but not change them. */
  readonly readOnly?: boolean;
  /** Properties a dedicated control edits elsewhere; the saved values are kept. */
  readonly exclude?: readonly string[];
}

function numberHint(field: ConfigField): string | undefined {
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

  if (!fields || fields.length === 0) {
    return <p>This module has no settings to configure.</p>;
  }
  const { errors } = validateConfig(fields, values);
  const errorOf = (name: string) =>
    (submitted || touched.has(name) ? errors[name] : undefined) ?? serverErrors[name] ?? null;
  const set = (name: string, value: string | boolean) => setValues((all) => ({ ...all, [name]: value }));
  const touch = (name: string) => setTouched((all) => new Set(all).add(name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setSubmitted(true);
    const result = validateConfig(fields, values);
    if (Object.keys(result.errors).length === 0) onSubmit(mergeConfig(config, fields, result.config));
  };

  const shownErrors = submitted ? errors : {};
  return (
    <form id={formId} className="ui-form" noValidate onSubmit={submit}>
      <FormError
        message={serverMessage}
        fieldErrors={shownErrors}
        fieldLabels={Object.fromEntries(fields.map((f) => [f.name, f.label]))}
      />
      {fields.map((field) => {
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
                inputMode={field.kind === 'string' ? undefined : field.kind === 'integer' ? 'numeric' : 'decimal'}
                value={String(values[field.name] ?? '')}
                onChange={(event) => set(field.name, event.target.value)}
              />
            );
        }
      })}
    </form>
  );
}
