import { useQuery } from '@tanstack/react-query';
import { Dialog } from '@ulms/ui';
import { LetterContent } from '../letter-content.js';
import { SendAgainButton } from './send-again.button.js';
import { useLettersTrpc } from '../letters-admin-context.js';

export interface OutboxLetterDialogProps {
  readonly id: string;
  /** The subject the list shows, the title until the letter is read. */
  readonly subject: string;
  readonly onClose: () => void;
}

/** One letter of the outbox as it was written (a PIN masked), with "Send again" for a failed or held one. */
export function OutboxLetterDialog({ id, subject, onClose }: OutboxLetterDialogProps) {
  const trpc = useLettersTrpc();
  const letter = useQuery(trpc.letters.outbox.get.queryOptions({ id }));
  return (
    <Dialog
      open
      title={letter.data?.subject ?? subject}
      size="large"
      onClose={onClose}
      footer={
        <>
          {letter.data ? <SendAgainButton letter={letter.data} /> : null}
          <button type="button" className="ui-button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {letter.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the letter: {letter.error.message}
        </p>
      ) : letter.data ? (
        <LetterContent letter={letter.data} />
      ) : (
        <p aria-live="polite">Loading the letter…</p>
      )}
    </Dialog>
  );
}
