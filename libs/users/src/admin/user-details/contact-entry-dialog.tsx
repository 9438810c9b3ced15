import { CheckboxField, Dialog, FormDialogActions, FormError, setServerErrors, useGuardedClose } from '@ulms/ui';
import type { RecordType, SegmentType } from '@ulms/users/contracts';
import { useEffect, useId, useState } from 'react';
import { type FieldValues, FormProvider, useForm } from 'react-hook-form';
import { resolverOf } from '../user-form/user-form.schema.js';
import type { ContactKind } from './contact-kinds.js';

export interface ContactEntryDialogProps<Dto extends { id: string; segmentType: SegmentType }> {
  readonly kind: ContactKind<Dto>;
  /** The entry being edited; null to add one. */
  readonly entry: Dto | null;
  /** The user has no entry of this kind yet: a new one starts as the preferred one. */
  readonly first: boolean;
  readonly recordType: RecordType;
  /** The user is external: a new entry may be added as external data. */
  readonly externalUser: boolean;
  /** The last save's error; its field errors under `errorPrefix` (such as `emails.2.`) land under the fields. */
  readonly serverError: unknown;
  readonly errorPrefix: string;
  readonly formMessage: string | null;
  readonly busy: boolean;
  readonly onSave: (entry: Record<string, unknown>, segmentType: SegmentType) => void;
  readonly onClose: () => void;
}

/** Adds or edits one email, address, phone or identifier, checked with the server's schema of it. */
export function ContactEntryDialog<Dto extends { id: string; segmentType: SegmentType }>(
  props: ContactEntryDialogProps<Dto>,
) {
  const { kind, entry, first, recordType, externalUser, serverError, errorPrefix, formMessage, busy, onSave, onClose } =
    props;
  const formId = useId();
  const form = useForm<FieldValues, unknown, Record<string, unknown>>({
    resolver: resolverOf(kind.schema),
    defaultValues: entry ? kind.valuesOf(entry) : kind.empty(first),
  });
  const [asExternal, setAsExternal] = useState(false);
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  useEffect(() => {
    if (serverError) setServerErrors(form.setError, serverError, errorPrefix);
  }, [serverError, errorPrefix, form.setError]);
  const Fields = kind.Fields;
  const submit = form.handleSubmit((values) =>
    onSave(values, entry ? entry.segmentType : asExternal ? 'EXTERNAL' : 'INTERNAL'),
  );
  return (
    <Dialog
      open
      title={`${entry ? 'Edit' : 'Add'} ${kind.noun}`}
      size="large"
      onClose={guard.requestClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={busy}
          label={`Save ${kind.noun}`}
          busyLabel="Saving…"
          onCancel={guard.requestClose}
        />
      }
    >
      <FormProvider {...form}>
        <form id={formId} className="ui-form" noValidate onSubmit={submit}>
          <FormError message={formMessage} />
          <Fields recordType={recordType} required />
          {externalUser && !entry ? (
            <CheckboxField
              label="Add as external"
              hint="External data is replaced by the next SIS synchronisation."
              checked={asExternal}
              onChange={(e) => setAsExternal(e.target.checked)}
            />
          ) : null}
        </form>
      </FormProvider>
      {guard.dialog}
    </Dialog>
  );
}
