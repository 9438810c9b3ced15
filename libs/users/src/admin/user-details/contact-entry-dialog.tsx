import { CheckboxField, Dialog, FormError } from '@ulms/ui';
import type { RecordType, SegmentType } from '@ulms/users/contracts';
import { type FormEvent, useId, useState } from 'react';
import type { ContactKind } from './contact-kinds.js';

export interface ContactEntryDialogProps<Dto extends { id: string; segmentType: SegmentType }, Values> {
  readonly kind: ContactKind<Dto, Values>;
  /** The entry being edited; null to add one. */
  readonly entry: Dto | null;
  readonly recordType: RecordType;
  /** The user is external: a new entry may be added as external data. */
  readonly externalUser: boolean;
  readonly errors: Readonly<Record<string, string>>;
  readonly formMessage: string | null;
  readonly busy: boolean;
  readonly onSave: (values: Values, segmentType: SegmentType) => void;
  readonly onClose: () => void;
}

/** Adds or edits one email, address, phone or identifier; the server's messages appear beside the fields. */
export function ContactEntryDialog<Dto extends { id: string; segmentType: SegmentType }, Values>(
  props: ContactEntryDialogProps<Dto, Values>,
) {
  const { kind, entry, recordType, externalUser, errors, formMessage, busy, onSave, onClose } = props;
  const formId = useId();
  const [values, setValues] = useState<Values>(() => (entry ? kind.valuesOf(entry) : kind.empty));
  const [asExternal, setAsExternal] = useState(false);
  const Fields = kind.Fields;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(values, entry ? entry.segmentType : asExternal ? 'EXTERNAL' : 'INTERNAL');
  };
  return (
    <Dialog
      open
      title={`${entry ? 'Edit' : 'Add'} ${kind.noun}`}
      size="large"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Saving…' : `Save ${kind.noun}`}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError message={formMessage} />
        <Fields
          values={values}
          onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
          errors={errors}
          recordType={recordType}
          required
        />
        {externalUser && !entry ? (
          <CheckboxField
            label="Add as external"
            hint="External data is replaced by the next SIS synchronisation."
            checked={asExternal}
            onChange={(e) => setAsExternal(e.target.checked)}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
