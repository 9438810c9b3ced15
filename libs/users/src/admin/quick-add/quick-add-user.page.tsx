import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  fieldErrorsOf,
  flatFieldErrors,
  FormError,
  Link,
  PageHeader,
  setServerErrors,
  useNavigate,
  useRouteSearch,
  useToast,
  useUnsavedChangesGuard,
} from '@ulms/ui';
import {
  type CreateUserInput,
  type CreateUserTakeover,
  type RecordType,
  recordTypeCodes,
  type SaveUserResult,
  type UserDto,
} from '@ulms/users/contracts';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { labelsFor } from '../shared/contact-error-labels.js';
import { useRegistrationRules } from '../shared/use-users-config.js';
import { addUserSearch, userDetailsLink, usersPaths } from '../shared/users-paths.js';
import { DuplicateWarningDialog } from '../user-form/duplicate-warning-dialog.js';
import { GeneratedPinDialog } from '../user-form/generated-pin-dialog.js';
import {
  emptyQuickAdd,
  generalInputOf,
  quickAddFormSchema,
  type QuickAddFormOutput,
  type QuickAddFormValues,
  resolverOf,
} from '../user-form/user-form.schema.js';
import { useUsersTrpc } from '../users-admin-context.js';
import { CreateUserOptions } from './create-user-options.js';
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
  const [recordTypeError, setRecordTypeError] = useState<string | null>(null);
  const [after, setAfter] = useState<After>('list');
  const [duplicates, setDuplicates] = useState<(SaveUserResult & { status: 'duplicateWarning' }) | null>(null);
  const [savedWithPin, setSavedWithPin] = useState<{ user: UserDto; pin: string } | null>(null);
  const rules = useRegistrationRules(recordType);
  const schema = useRef(quickAddFormSchema(rules.mandatory, recordType ?? 'PUBLIC', rules.identifierFormats));
  schema.current = useMemo(
    () => quickAddFormSchema(rules.mandatory, recordType ?? 'PUBLIC', rules.identifierFormats),
    [rules.mandatory, recordType, rules.identifierFormats],
  );
  const form = useForm<QuickAddFormValues, unknown, QuickAddFormOutput>({
    // The rules (what is required) arrive after the first render and change with the record type.
    resolver: (values, context, options) =>
      resolverOf<QuickAddFormValues, QuickAddFormOutput>(schema.current)(values, context, options),
    defaultValues: emptyQuickAdd(recordType ?? 'PUBLIC'),
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const lastOutput = useRef<QuickAddFormOutput | null>(null);

  const finish = (user: UserDto, then: After, pinSent = false) => {
    const pinNote = pinSent ? ' Their PIN was sent to them in the PIN Number Generation letter.' : '';
    toast.show(`${user.fullName || user.primaryId} was added.${pinNote}`, 'success');
    guard.release();
    void navigate(then === 'details' ? userDetailsLink(user.id) : { to: usersPaths.find });
  };
  // Options of other modules (the proxies module's Add as Fulfillment Proxy) that create the user with their own call.
  const takeovers = useRef(new Map<string, CreateUserTakeover>());
  const createOptions = trpc.users.create.mutationOptions({
    onSuccess: async (result) => {
      if (result.status === 'duplicateWarning') {
        setDuplicates(result);
        return;
      }
      setDuplicates(null);
      await queryClient.invalidateQueries(trpc.users.search.queryFilter());
      if (result.generatedPin) setSavedWithPin({ user: result.user, pin: result.generatedPin });
      else finish(result.user, after, result.pinSent === true);
    },
    onError: () => setDuplicates(null),
  });
  const create = useMutation({
    ...createOptions,
    mutationFn: async (input: CreateUserInput, context) => {
      const [takeover] = takeovers.current.values();
      if (takeover) return takeover(input);
      if (!createOptions.mutationFn) throw new Error('users.create cannot be called');
      return createOptions.mutationFn(input, context);
    },
  });

  useEffect(() => {
    if (create.error) setServerErrors(form.setError, create.error);
  }, [create.error, form.setError]);

  const chooseRecordType = (next: RecordType) => {
    setRecordType(next);
    setRecordTypeError(null);
    form.setValue('recordType', next, { shouldDirty: true });
  };

  const send = (output: QuickAddFormOutput, confirmDuplicate: boolean) =>
    create.mutate({
      ...generalInputOf(output),
      emails: output.emails,
      addresses: output.addresses,
      phones: output.phones,
      identifiers: output.identifiers,
      confirmDuplicate,
    });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const then: After = submitter?.dataset['after'] === 'details' ? 'details' : 'list';
    if (!recordType) {
      setRecordTypeError('Choose the record type first');
      return;
    }
    void form.handleSubmit((output) => {
      setAfter(then);
      lastOutput.current = output;
      send(output, false);
    })(event);
  };

  const errors = {
    ...flatFieldErrors(form.formState.errors),
    ...(recordTypeError ? { recordType: recordTypeError } : {}),
  };
  const unplaced = create.error && Object.keys(fieldErrorsOf(create.error)).length === 0 ? create.error.message : null;
  return (
    <>
      <PageHeader
        title="Add user"
        description="Quick User Management: the essentials of a new user. Everything else is on the user's details."
      />
      <FormProvider {...form}>
        <form className="users-form" aria-label="Add user" noValidate onSubmit={onSubmit}>
          <FormError message={unplaced} fieldErrors={errors} fieldLabels={labelsFor(errors)} />
          <section className="panel">
            <RecordTypePicker value={recordType} onChange={chooseRecordType} error={errors['recordType'] ?? null} />
          </section>
          {recordType ? (
            <>
              <QuickAddSections recordType={recordType} rules={rules} />
              <CreateUserOptions
                recordType={recordType}
                onTakeOver={(id, takeover) =>
                  takeover ? takeovers.current.set(id, takeover) : takeovers.current.delete(id)
                }
              />
            </>
          ) : (
            <p className="notice">Choose the record type to see the fields it has.</p>
          )}
          <div className="users-actions">
            <button
              type="submit"
              className="ui-button ui-button--primary"
              data-after="list"
              disabled={create.isPending}
            >
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
      </FormProvider>
      <DuplicateWarningDialog
        duplicates={duplicates?.duplicates ?? null}
        busy={create.isPending}
        onCancel={() => setDuplicates(null)}
        onSaveAnyway={() => lastOutput.current && send(lastOutput.current, true)}
      />
      <GeneratedPinDialog
        pin={savedWithPin?.pin ?? null}
        userName={savedWithPin?.user.fullName ?? ''}
        onDone={() => savedWithPin && finish(savedWithPin.user, after)}
      />
      {guard.dialog}
    </>
  );
}
