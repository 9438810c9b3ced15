export interface FormDialogActionsProps {
  /** The id of the dialog's form, which the submit button sends. */
  readonly formId: string;
  /** While the form is being sent: the button is disabled and says `busyLabel`. */
  readonly busy: boolean;
  readonly label: string;
  readonly busyLabel: string;
  readonly onCancel: () => void;
}

/** A form dialog's footer: Cancel, and the button that submits the form, disabled while it is sent. */
export function FormDialogActions({ formId, busy, label, busyLabel, onCancel }: FormDialogActionsProps) {
  return (
    <>
      <button type="button" className="ui-button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={busy} aria-busy={busy}>
        {busy ? busyLabel : label}
      </button>
    </>
  );
}
