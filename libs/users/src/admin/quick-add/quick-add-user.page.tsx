import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrorsOf, FormError, Link, PageHeader, useNavigate, useRouteSearch, useToast } from '@ulms/ui';
import { type RecordType, recordTypeCodes, type SaveUserResult, type UserDto } from '@ulms/users/contracts';
import { type FormEvent, useState } from 'react';
import { labelsFor } from '../shared/contact-error-labels.js';
import { useRegistrationRules } from '../shared/use-users-config.js';
import { addUserSearch, userDetailsLink, usersPaths } from '../shared/users-paths.js';
import { DuplicateWarningDialog } from '../user-form/duplicate-warning-dialog.js';
import { GeneratedPinDialog } from '../user-form/generated-pin-dialog.js';
import { credentialErrors } from '../user-form/user-form-values.js';
import { useUsersTrpc } from '../users-admin-context.js';
import { createInputOf, emptyQuickAdd, type QuickAddValues } from './quick-add-values.js';
import { QuickAddSections } from './quick-add-sections.js';
import { RecordTypePicker } from './record-type-picker.js';

type After = 'list' | 'details';

function presetRecordType(value: string | undefined): RecordType | null {
  return recordTypeCodes.find((code) => code === value) ?? null;
}

/** Quick User Management: a new user with one of each kind of contact, then the list or their details. */
export function QuickAddUserPage() {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const { recordType: preset } = useRouteSearch(addUserSearch);
  const [recordType, setRecordType] = useState<RecordType | null>(() => presetRecordType(preset));
  const [values, setValues] = useState<QuickAddValues>(() => emptyQuickAdd(recordType ?? 'PUBLIC'));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [after, setAfter] = useState<After>('list');
  const [duplicates, setDuplicates] = useState<SaveUserResult & { status: 'duplicateWarning' } | null>(null);
  const [savedWithPin, setSavedWithPin] = useState<{ user: UserDto; pin: string } | null>(null);
  const rules = useRegistrationRules(recordType);

  const finish = (user: UserDto, then: After) => {
    toast.show(`${user.fullName || user.primaryId} was added.`, 'success');
    void navigate(then === 'details' ? userDetailsLink(user.id) : { to: usersPaths.find });
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (result) => {
        if (result.status === 'duplicateWarning') {
          setDuplicates(result);
          return;
        }
        setDuplicates(null);
        await queryClient.invalidateQueries(trpc.users.search.queryFilter());
        if (result.generatedPin) setSavedWithPin({ user: result.user, pin: result.generatedPin });
        else finish(result.user, after);
      },
      onError: () => setDuplicates(null),
    }),
  );

  const chooseRecordType = (next: RecordType) => {
    setRecordType(next);
    setValues((current) => ({ ...current, general: { ...current.general, recordType: next } }));
  };

  const submit = (then: After, confirmDuplicate = false) => {
    if (!recordType) {
      setLocalErrors({ recordType: 'Choose the record type first' });
      return;
    }
    const errors = credentialErrors(values.credentials);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setAfter(then);
    create.mutate(createInputOf(values, rules.mandatory, confirmDuplicate));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    submit(submitter?.dataset['after'] === 'details' ? 'details' : 'list');
  };

  const errors = { ...fieldErrorsOf(create.error), ...localErrors };
  const unplaced = create.error && Object.keys(fieldErrorsOf(create.error)).length === 0 ? create.error.message : null;
  return (
    <>
      <PageHeader
        title="Add user"
        description="Quick User Management: the essentials of a new user. Everything else is on the user's details."
      />
      <form className="users-form" aria-label="Add user" noValidate onSubmit={onSubmit}>
        <FormError message={unplaced} fieldErrors={errors} fieldLabels={labelsFor(errors)} />
        <section className="panel">
          <RecordTypePicker value={recordType} onChange={chooseRecordType} error={errors['recordType'] ?? null} />
        </section>
        {recordType ? (
          <QuickAddSections
            values={values}
            onChange={setValues}
            errors={errors}
            rules={rules}
          />
        ) : (
          <p className="notice">Choose the record type to see the fields it has.</p>
        )}
        <div className="users-actions">
          <button type="submit" className="ui-button ui-button--primary" data-after="list" disabled={create.isPending}>
            {create.isPending && after === 'list' ? 'Saving…' : 'Save'}
          </button>
          <button type="submit" className="ui-button" data-after="details" disabled={create.isPending}>
            {create.isPending && after === 'details' ? 'Saving…' : 'Save and continue'}
          </button>
          <Link to={usersPaths.find} className="ui-button ui-button--link">
            Cancel
          </Link>
        </div>
      </form>
      <DuplicateWarningDialog
        duplicates={duplicates?.duplicates ?? null}
        busy={create.isPending}
        onCancel={() => setDuplicates(null)}
        onSaveAnyway={() => submit(after, true)}
      />
      <GeneratedPinDialog
        pin={savedWithPin?.pin ?? null}
        userName={savedWithPin?.user.fullName ?? ''}
        onDone={() => savedWithPin && finish(savedWithPin.user, after)}
      />
    </>
  );
}
