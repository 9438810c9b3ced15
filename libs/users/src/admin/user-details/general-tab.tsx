import {
  ConfirmDialog,
  flatFieldErrors,
  FormError,
  formMessageOf,
  setServerErrors,
  useUnsavedChangesGuard,
} from '@ulms/ui';
import { usersPermissions, type UserDto } from '@ulms/users/contracts';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { labelsFor } from '../shared/contact-error-labels.js';
import { useRegistrationRules } from '../shared/use-users-config.js';
import { CredentialFields } from '../user-form/credential-fields.js';
import { GeneralFields } from '../user-form/general-fields.js';
import {
  fieldLabels,
  type GeneralFieldName,
  generalFormSchema,
  type GeneralFormOutput,
  type GeneralFormValues,
  generalFormValuesOf,
  generalInputOf,
  resolverOf,
} from '../user-form/user-form.schema.js';
import { updateInputOf } from '../user-form/user-update-input.js';
import { useCan } from '../users-admin-context.js';
import { isProtectedField, isSisOwned, overrideOf } from './external-rules.js';
import { ProtectedFieldNote } from './protected-field-note.js';
import { RecordDates } from './record-dates.js';
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
  const form = useForm<GeneralFormValues, unknown, GeneralFormOutput>({
    resolver: resolverOf(generalFormSchema),
    defaultValues: generalFormValuesOf(user),
  });
  const [openForUpdate, setOpenForUpdate] = useState(false);
  const [confirmingOpen, setConfirmingOpen] = useState(false);
  const [keepOnSync, setKeepOnSync] = useState<Record<string, boolean>>({});
  const reverter = useRevertOverride(user.id);
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const external = user.accountType === 'EXTERNAL';
  const original = generalFormValuesOf(user);
  const values = form.watch();

  useEffect(() => {
    if (saver.error) setServerErrors(form.setError, saver.error);
  }, [saver.error, form.setError]);

  const readOnly = (field: string) => !canUpdate || isSisOwned(user, openForUpdate, field);
  const noteFor = (field: GeneralFieldName | 'status') => {
    if (!external) return null;
    if (canUpdate && isSisOwned(user, openForUpdate, field)) {
      return <span className="users-sis-owned">Set by the SIS</span>;
    }
    if (!isProtectedField(field)) return null;
    const changed = values[field] !== original[field];
    const override = overrideOf(user, field);
    return (
      <ProtectedFieldNote
        override={override}
        fieldLabel={fieldLabels[field] ?? field}
        onRevert={override && canUpdate && !reverter.pending ? () => reverter.revert(field) : undefined}
        keepOnSync={
          openForUpdate && changed
            ? {
                checked: keepOnSync[field] ?? true,
                onChange: (keep) => setKeepOnSync((all) => ({ ...all, [field]: keep })),
              }
            : undefined
        }
      />
    );
  };

  const submit = form.handleSubmit((output) => {
    const changedProtected = Object.keys(form.formState.dirtyFields).filter(isProtectedField);
    saver.save(
      {
        ...updateInputOf(user),
        ...generalInputOf(output),
        openForUpdate,
        keepOnSync: openForUpdate ? Object.fromEntries(changedProtected.map((f) => [f, keepOnSync[f] ?? true])) : {},
      },
      () => {
        // The saved record remounts this tab with its values; until then the form is clean.
        form.reset(form.getValues());
        setOpenForUpdate(false);
        setKeepOnSync({});
      },
      'General information saved.',
    );
  });

  const errors = flatFieldErrors(form.formState.errors);
  return (
    <FormProvider {...form}>
      <form className="users-form" aria-label="General information" noValidate onSubmit={submit}>
        <FormError
          message={formMessageOf(saver.error, Object.keys(errors))}
          fieldErrors={errors}
          fieldLabels={labelsFor(errors)}
        />
        {external ? (
          <div className="notice users-external-note">
            {openForUpdate ? (
              <p>
                Open for update: you may change every field. Most changes are replaced by the next SIS synchronisation;
                for the protected fields you changed, choose whether they are kept.
              </p>
            ) : (
              <p>
                This user is managed by the Student Information System. Only the protected fields (title, PIN, job
                category, user group, campus, preferred language and preferred names) can be changed here; those changes
                are kept as overrides. The other fields are shown read-only.
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
          <GeneralFields mandatory={rules.mandatory} isReadOnly={readOnly} noteFor={noteFor} showStatus />
          <RecordDates user={user} />
          {canUpdate ? (
            <CredentialFields
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
                form.reset(generalFormValuesOf(user));
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
          message={
            <p>
              You will be able to change fields the SIS owns. The next SIS synchronisation replaces most of those
              changes.
            </p>
          }
          confirmLabel="Open for update"
          onCancel={() => setConfirmingOpen(false)}
          onConfirm={() => {
            setOpenForUpdate(true);
            setConfirmingOpen(false);
          }}
        />
        {guard.dialog}
      </form>
    </FormProvider>
  );
}
