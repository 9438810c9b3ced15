import { Dialog } from '@ulms/ui';

export interface GeneratedPinDialogProps {
  readonly pin: string | null;
  readonly userName: string;
  readonly onDone: () => void;
}

/** The PIN the server generated, shown this once. */
export function GeneratedPinDialog({ pin, userName, onDone }: GeneratedPinDialogProps) {
  return (
    <Dialog
      open={pin !== null}
      title="PIN generated"
      size="small"
      onClose={onDone}
      footer={
        <button type="button" className="ui-button ui-button--primary" onClick={onDone} data-autofocus>
          Done
        </button>
      }
    >
      <p>
        The PIN of {userName} is <strong className="users-pin">{pin}</strong>.
      </p>
      <p className="muted">It is shown only now; note it or give it to the user.</p>
    </Dialog>
  );
}
