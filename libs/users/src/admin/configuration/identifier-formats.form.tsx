import { useQuery } from '@tanstack/react-query';
import { FormError, SelectField, TextField } from '@ulms/ui';
import type { UsersConfig } from '@ulms/users/contracts';
import { type FormEvent, useState } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';
import { errorAt, type UsersConfigSaver } from './use-save-users-config.js';
import { SettingsActions } from './settings-actions.js';

type IdentifierFormats = NonNullable<UsersConfig['identifierFormats']>;
interface FormatRow {
  readonly pattern: string;
  readonly checksum: '' | 'orcid';
}

const checksumOptions = [{ value: 'orcid', label: 'ORCID iD check digit' }];

/** Only the types with a rule are saved; a type without one accepts any value. */
function formatsOf(rows: Readonly<Record<string, FormatRow>>): IdentifierFormats {
  const formats: IdentifierFormats = {};
  for (const [code, row] of Object.entries(rows)) {
    const pattern = row.pattern.trim();
    if (pattern || row.checksum)
      formats[code] = { ...(pattern ? { pattern } : {}), ...(row.checksum ? { checksum: row.checksum } : {}) };
  }
  return formats;
}

/** How the values of each identifier type must look: a pattern, a check digit, or both. */
export function IdentifierFormatsForm({
  saver,
  config,
}: {
  readonly saver: UsersConfigSaver;
  readonly config: UsersConfig;
}) {
  const trpc = useUsersTrpc();
  const types = useQuery(trpc.users.codeTables.list.queryOptions({ table: 'IDENTIFIER_TYPE' }));
  const [rows, setRows] = useState<Record<string, FormatRow>>(() =>
    Object.fromEntries(
      Object.entries(config.identifierFormats ?? {}).map(([code, format]) => [
        code,
        { pattern: format.pattern ?? '', checksum: format.checksum ?? '' },
      ]),
    ),
  );
  const readOnly = !saver.canManage;
  const rowOf = (code: string): FormatRow => rows[code] ?? { pattern: '', checksum: '' };
  const change = (code: string, next: Partial<FormatRow>) =>
    setRows((current) => ({ ...current, [code]: { ...rowOf(code), ...next } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!readOnly) saver.save({ identifierFormats: formatsOf(rows) });
  };
  const known = new Set((types.data ?? []).map((type) => type.code));
  // Rules for types since removed from the code table stay visible, so they can be cleared.
  const entries = [
    ...(types.data ?? []).map((type) => ({ code: type.code, description: type.description })),
    ...Object.keys(rows)
      .filter((code) => !known.has(code))
      .map((code) => ({ code, description: code })),
  ];

  return (
    <form
      className="panel users-settings"
      noValidate
      onSubmit={submit}
      aria-labelledby="users-identifier-formats-title"
    >
      <h2 id="users-identifier-formats-title">Identifier formats</h2>
      <p className="muted">
        Staff and SIS loads cannot save an identifier that does not fit its type's format. Leave both empty to accept
        any value. A pattern is a regular expression such as{' '}
        <code>
          ^[0-9]{'{'}8{'}'}$
        </code>{' '}
        (eight digits).
      </p>
      <FormError message={saver.message} />
      {types.isError ? (
        <p className="ui-form-error" role="alert">
          The identifier types could not be loaded. Please reload the page.
        </p>
      ) : null}
      {types.isSuccess && entries.length === 0 ? (
        <p>There are no identifier types yet: add them under Code tables.</p>
      ) : null}
      <ul className="users-identifier-formats">
        {entries.map(({ code, description }) => (
          <li key={code}>
            <fieldset className="users-identifier-format">
              <legend>{description}</legend>
              <TextField
                label="Pattern"
                value={rowOf(code).pattern}
                disabled={readOnly}
                error={errorAt(saver.fieldErrors, `identifierFormats.${code}.pattern`)}
                onChange={(event) => change(code, { pattern: event.target.value })}
              />
              <SelectField
                label="Check digit"
                options={checksumOptions}
                placeholder="None"
                value={rowOf(code).checksum}
                disabled={readOnly}
                error={errorAt(saver.fieldErrors, `identifierFormats.${code}.checksum`)}
                onChange={(event) => change(code, { checksum: event.target.value === 'orcid' ? 'orcid' : '' })}
              />
            </fieldset>
          </li>
        ))}
      </ul>
      {errorAt(saver.fieldErrors, 'identifierFormats') &&
      !entries.some(({ code }) => errorAt(saver.fieldErrors, `identifierFormats.${code}`)) ? (
        <p className="ui-field__error" role="alert">
          {errorAt(saver.fieldErrors, 'identifierFormats')}
        </p>
      ) : null}
      <SettingsActions readOnly={readOnly} saving={saver.saving} label="Save identifier formats" />
    </form>
  );
}
