import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SisProfileDto, sisPermissions } from '@ulms/sis/contracts';
import {
  CheckboxField,
  errorAt,
  errorCodeOf,
  fieldErrorsOf,
  flatFieldErrors,
  FormError,
  formMessageOf,
  SelectField,
  TextField,
  useAdminCan,
  useNavigate,
  useToast,
  useUnsavedChangesGuard,
} from '@ulms/ui';
import { protectedExternalFields } from '@ulms/users/contracts';
import { useEffect, useRef, useState } from 'react';
import { Controller, type FieldPath, useForm } from 'react-hook-form';
import { useSisTrpc } from '../sis-admin-context.js';
import { CodeTableSelect } from './code-table.select.js';
import { CsvMappingEditor } from './csv-mapping.editor.js';
import { RemoveProfileDialog } from './remove-profile.dialog.js';
import {
  emptyProfile,
  formPathOf,
  formValuesOf,
  mappingErrors,
  profileFieldLabels,
  protectedFieldLabels,
  saveInputOf,
  type SisProfileFormValues,
} from './sis-profile.form-schema.js';
import { profileLink } from './sis-profiles.search.js';

const conflictMessage =
  'Someone else changed this profile since you opened it: the form now shows their version. Make your change again.';

const recordTypes = [
  { value: 'PUBLIC', label: 'Public' },
  { value: 'STAFF', label: 'Staff' },
];
const matchOptions = [
  { value: 'PRIMARY_ID', label: 'Primary identifier' },
  { value: 'IDENTIFIER', label: 'An identifier of one type' },
];
const modes = [
  { value: 'SYNCHRONIZE', label: 'Synchronize' },
  { value: 'IMPORT', label: 'Import' },
];
const missingActions = [
  { value: 'NOTHING', label: 'Leave them as they are' },
  { value: 'DEACTIVATE', label: 'Deactivate them' },
  { value: 'EXPIRE', label: 'Expire them' },
];

/** A label for a field path of the form, the mapping's rows included. */
function labelOf(path: string): string {
  const row = /^csvMapping\.(\d+)\.(column|field)$/.exec(path);
  if (row) return `CSV mapping row ${Number(row[1]) + 1}, ${row[2] === 'column' ? 'CSV column' : 'user field'}`;
  return profileFieldLabels[path] ?? path;
}

export interface SisProfileFormProps {
  /** The profile edited; none for a new one. */
  readonly profile?: SisProfileDto;
}

/** An integration profile: what its files hold and how they merge into the institution's users. */
export function SisProfileForm({ profile }: SisProfileFormProps) {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const canManage = useAdminCan(sisPermissions.profileManage);
  const formats = useQuery(trpc.sis.formats.queryOptions());
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState(false);
  const form = useForm<SisProfileFormValues>({ defaultValues: profile ? formValuesOf(profile) : emptyProfile });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const shown = useRef(profile?.version);
  useEffect(() => {
    if (!profile || profile.version === shown.current) return;
    shown.current = profile.version;
    form.reset(formValuesOf(profile));
  }, [profile, form]);
  const save = useMutation(trpc.sis.profiles.save.mutationOptions());
  const values = form.watch();
  const format = formats.data?.find((f) => f.id === values.format);
  const usesColumnMapping = format?.usesColumnMapping ?? false;
  const { errors } = form.formState;
  const err = (path: FieldPath<SisProfileFormValues>) => errorAt(errors, path);

  const send = async (typed: SisProfileFormValues) => {
    setError(null);
    const ownErrors = usesColumnMapping ? mappingErrors(typed.csvMapping) : {};
    for (const [path, message] of Object.entries(ownErrors))
      form.setError(path as FieldPath<SisProfileFormValues>, { type: 'local', message });
    if (Object.keys(ownErrors).length > 0) return;
    try {
      const saved = await save.mutateAsync(
        saveInputOf(typed, usesColumnMapping, profile ? { id: profile.id, version: profile.version } : undefined),
      );
      queryClient.setQueryData(trpc.sis.profiles.get.queryKey({ id: saved.id }), saved);
      await queryClient.invalidateQueries(trpc.sis.profiles.list.queryFilter());
      toast.show(`Profile ${saved.code} saved.`, 'success');
      guard.release();
      await navigate(profileLink());
    } catch (failure) {
      for (const [path, message] of Object.entries(fieldErrorsOf(failure)))
        form.setError(formPathOf(path) as FieldPath<SisProfileFormValues>, { type: 'server', message });
      setError(failure);
      if (errorCodeOf(failure) === 'CONFLICT' && profile)
        await queryClient.invalidateQueries(trpc.sis.profiles.get.queryFilter({ id: profile.id }));
    }
  };

  const knownFields = Object.keys(fieldErrorsOf(error)).filter(
    (path) => labelOf(formPathOf(path)) !== formPathOf(path),
  );
  const summary = flatFieldErrors(errors);
  return (
    <form
      className="panel ui-form sis-profile-form"
      aria-label="Integration profile"
      noValidate
      onSubmit={(event) => void form.handleSubmit(send)(event)}
    >
      <FormError
        message={errorCodeOf(error) === 'CONFLICT' ? conflictMessage : formMessageOf(error, knownFields)}
        fieldErrors={summary}
        fieldLabels={Object.fromEntries(Object.keys(summary).map((path) => [path, labelOf(path)]))}
      />
      <fieldset className="sis-fieldset sis-grid" disabled={!canManage}>
        <legend>Profile</legend>
        <TextField
          label="Code"
          required
          readOnly={Boolean(profile)}
          hint={
            profile
              ? 'The owner code of the users it loads: it stays as it is.'
              : 'The owner code of the users it loads (letters, digits, - and _); it cannot change later.'
          }
          error={err('code')}
          {...form.register('code')}
        />
        <TextField label="Name" required error={err('name')} {...form.register('name')} />
        <SelectField
          label="Format"
          required
          placeholder={formats.data ? 'Choose a format' : 'Loading…'}
          options={(formats.data ?? []).map((f) => ({
            value: f.id,
            label: `${f.name} (${f.fileExtensions.join(', ')})`,
          }))}
          error={err('format')}
          {...form.register('format')}
        />
        <SelectField
          label="Record type"
          options={recordTypes}
          error={err('recordType')}
          {...form.register('recordType')}
        />
      </fieldset>
      <fieldset className="sis-fieldset sis-grid" disabled={!canManage}>
        <legend>Matching</legend>
        <SelectField label="Match by" options={matchOptions} error={err('matchBy')} {...form.register('matchBy')} />
        {values.matchBy === 'IDENTIFIER' ? (
          <Controller
            control={form.control}
            name="matchIdType"
            render={({ field }) => (
              <CodeTableSelect
                table="IDENTIFIER_TYPE"
                label="Identifier type"
                emptyLabel="Choose a type"
                error={err('matchIdType')}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
        ) : null}
        <SelectField
          label="Mode"
          options={modes}
          hint="Synchronize updates the matched users and adds the new ones; Import adds new users only."
          error={err('mode')}
          {...form.register('mode')}
        />
      </fieldset>
      <fieldset className="sis-fieldset sis-grid" disabled={!canManage}>
        <legend>Defaults for fields the file leaves empty</legend>
        {(
          [
            ['defaults.userGroup', 'USER_GROUP', 'Default user group'],
            ['defaults.campusCode', 'CAMPUS', 'Default campus'],
            ['defaults.preferredLanguage', 'LANGUAGE', 'Default preferred language'],
            ['defaults.jobCategory', 'JOB_CATEGORY', 'Default job category'],
          ] as const
        ).map(([name, table, label]) => (
          <Controller
            key={name}
            control={form.control}
            name={name}
            render={({ field }) => (
              <CodeTableSelect
                table={table}
                label={label}
                error={err(name)}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
        ))}
        <TextField
          label="Expiry after (days)"
          type="number"
          min={1}
          hint="From the load, for a user whose record has no expiry date."
          error={err('defaults.expiryDays')}
          {...form.register('defaults.expiryDays')}
        />
        <TextField
          label="Purge after (days)"
          type="number"
          min={1}
          hint="From the load, for a user whose record has no purge date."
          error={err('defaults.purgeDays')}
          {...form.register('defaults.purgeDays')}
        />
      </fieldset>
      <fieldset className="sis-fieldset sis-grid" disabled={!canManage}>
        <legend>Users missing from a full load</legend>
        <SelectField
          label="Missing users"
          options={missingActions}
          error={err('missingUsers.action')}
          {...form.register('missingUsers.action')}
        />
        {values.missingUsers.action === 'EXPIRE' ? (
          <>
            <TextField
              label="Expire after (days)"
              type="number"
              min={0}
              hint="Their expiry date becomes the load’s date plus this many days."
              error={err('missingUsers.expireAfterDays')}
              {...form.register('missingUsers.expireAfterDays')}
            />
            <TextField
              label="Purge after (days)"
              type="number"
              min={0}
              hint="Their purge date becomes the load’s date plus this many days; none when empty."
              error={err('missingUsers.purgeAfterDays')}
              {...form.register('missingUsers.purgeAfterDays')}
            />
          </>
        ) : null}
      </fieldset>
      <fieldset className="sis-fieldset" disabled={!canManage}>
        <legend>Protected fields the file overwrites</legend>
        <p className="ui-field__hint">
          Staff may change these fields of an external user locally; a load keeps their change unless the field is
          ticked here.
        </p>
        <div className="sis-checks">
          {protectedExternalFields.map((field) => (
            <CheckboxField
              key={field}
              label={protectedFieldLabels[field]}
              value={field}
              {...form.register('overwriteProtected')}
            />
          ))}
        </div>
      </fieldset>
      {usesColumnMapping ? <CsvMappingEditor form={form} disabled={!canManage} /> : null}
      <fieldset className="sis-fieldset" disabled={!canManage}>
        <legend>Watched folder</legend>
        <CheckboxField
          label="Load files dropped in the profile’s inbox folder"
          hint="Each file found there is loaded as a full synchronize, without a dry run."
          {...form.register('watchFolder')}
        />
      </fieldset>
      {canManage ? (
        <div className="sis-actions">
          {profile ? (
            <button type="button" className="ui-button ui-button--danger" onClick={() => setRemoving(true)}>
              Remove profile
            </button>
          ) : null}
          <button type="button" className="ui-button" onClick={() => void navigate(profileLink())}>
            Cancel
          </button>
          <button type="submit" className="ui-button ui-button--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save profile'}
          </button>
        </div>
      ) : null}
      {removing && profile ? (
        <RemoveProfileDialog
          profile={profile}
          onClose={() => setRemoving(false)}
          onRemoved={() => {
            guard.release();
            void navigate(profileLink());
          }}
        />
      ) : null}
      {guard.dialog}
    </form>
  );
}
