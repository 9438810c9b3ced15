import { ConfirmDialog, fieldErrorsOf, FormError, formMessageOf } from '@ulms/ui';
import { usersPermissions, type UserDto } from '@ulms/users/contracts';
import { type FormEvent, useState } from 'react';
import { labelsFor } from '../shared/contact-error-labels.js';
import { useRegistrationRules } from '../shared/use-users-config.js';
import { CredentialFields } from '../user-form/credential-fields.js';
import { GeneralFields } from '../user-form/general-fields.js';
import {
  type CredentialValues,
  credentialErrors,
  credentialInputOf,
  emptyCredentials,
  type GeneralFieldName,
  generalInputOf,
  generalValuesOf,
  type GeneralValues,
  fieldLabels,
} from '../user-form/user-form-values.js';
import { updateInputOf } from '../user-form/user-update-input.js';
import { useCan } from '../users-admin-context.js';
import { isProtectedField, isSisOwned, overrideOf } from './external-rules.js';
import { ProtectedFieldNote } from './protected-field-note.js';
import { useRevertOverride } from './use-revert-override.js';
import type { SaveUser } from './use-save-user.js';

export interface GeneralTabProps {
  readonly user: UserDto;
  readonly saver: SaveUser;
}

/** General Information: every field of the record; an external user's SIS fields open only for update. */
export function GeneralTab({ user, saver }: GeneralTabProps) {
  const canUpdate = useCan(usersPermissions.userUpdate);
  const rules = useRegistrationRules(user.recordType);
  const [values, setValues] = useState<GeneralValues>(() => generalValuesOf(user));
  const [credentials, setCredentials] = useState<CredentialValues>(emptyCredentials);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [openForUpdate, setOpenForUpdate] = useState(false);
  const [confirmingOpen, setConfirmingOpen] = useState(false);
  const [keepOnSync, setKeepOnSync] = useState<Record<string, boolean>>({});
  const reverter = useRevertOverride(user.id);
  const external = user.accountType === 'EXTERNAL';
  const original = generalValuesOf(user);

  const readOnly = (field: string) => !canUpdate || isSisOwned(user, openForUpdate, field);
  const noteFor = (field: GeneralFieldName | 'status') => {
    if (!external || !isProtectedField(field)) return null;
    const changed = values[field] !== original[field];
    const override = overrideOf(user, field);
    return (
      <ProtectedFieldNote
        override={override}
        fieldLabel={fieldLabels[field] ?? field}
        onRevert={override && canUpdate && !reverter.pending ? () => reverter.revert(field) : undefined}
        keepOnSync={
          openForUpdate && changed
            ? { checked: keepOnSync[field] ?? true, onChange: (keep) => setKeepOnSync((all) => ({ ...all, [field]: keep })) }
            : undefined
        }
      />
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = credentialErrors(credentials);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const general = generalInputOf(values);
    const changedProtected = Object.keys(original).filter(
      (field) => isProtectedField(field) && values[field as GeneralFieldName] !== original[field as GeneralFieldName],
    );
    saver.save(
      {
        ...updateInputOf(user),
        ...general,
        userGroup: values.recordType === 'CONTACT' ? null : general.userGroup,
        ...credentialInputOf(credentials),
        openForUpdate,
        keepOnSync: openForUpdate ? Object.fromEntries(changedProtected.map((f) => [f, keepOnSync[f] ?? true])) : {},
      },
      () => {
        setCredentials(emptyCredentials);
        setOpenForUpdate(false);
        setKeepOnSync({});
      },
      'General information saved.',
    );
  };

  const serverErrors = fieldErrorsOf(saver.error);
  const errors = { ...serverErrors, ...localErrors };
  return (
    <form className="users-form" aria-label="General information" noValidate onSubmit={submit}>
      <FormError message={formMessageOf(saver.error, Object.keys(errors))} fieldErrors={errors} fieldLabels={labelsFor(errors)} />
      {external ? (
        <div className="notice users-external-note">
          {openForUpdate ? (
            <p>
              Open for update: you may change every field. Most changes are replaced by the next SIS synchronisation;
              for the protected fields you changed, choose whether they are kept.
            </p>
          ) : (
            <p>
              This user is managed by the Student Information System. Only the protected fields (title, PIN, job category,
              user group, campus, preferred language and names) can be changed here; those changes are kept as overrides.
            </p>
          )}
          {canUpdate && !openForUpdate ? (
            <button type="button" className="ui-button ui-button--small" onClick={() => setConfirmingOpen(true)}>
              Open for update
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="panel">
        <GeneralFields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          errors={errors}
          mandatory={rules.mandatory}
          isReadOnly={readOnly}
          noteFor={noteFor}
          showStatus
        />
        {canUpdate ? (
          <CredentialFields
            values={credentials}
            onChange={(patch) => setCredentials((current) => ({ ...current, ...patch }))}
            errors={errors}
            canGeneratePin={rules.canGeneratePin}
            existing={{ hasPin: user.hasPin, hasPassword: user.hasPassword }}
          />
        ) : null}
      </div>
      {canUpdate ? (
        <div className="users-actions">
          <button type="submit" className="ui-button ui-button--primary" disabled={saver.pending}>
            {saver.pending ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="ui-button"
            onClick={() => {
              setValues(generalValuesOf(user));
              setCredentials(emptyCredentials);
              setLocalErrors({});
              saver.reset();
            }}
          >
            Discard changes
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmingOpen}
        title="Open this external user for update?"
        message={<p>You will be able to change fields the SIS owns. The next SIS synchronisation replaces most of those changes.</p>}
        confirmLabel="Open for update"
        onCancel={() => setConfirmingOpen(false)}
        onConfirm={() => {
          setOpenForUpdate(true);
          setConfirmingOpen(false);
        }}
      />
    </form>
  );
}
