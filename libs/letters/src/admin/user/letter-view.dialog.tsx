import { useQuery } from '@tanstack/react-query';
import { Dialog } from '@ulms/ui';
import { LetterContent } from '../letter-content.js';
import { useLettersTrpc } from '../letters-admin-context.js';

export interface LetterViewDialogProps {
  readonly userId: string;
  readonly letterId: string;
  readonly onClose: () => void;
}

/** One letter of the user's log: its envelope, the HTML as the recipient sees it, the plain text, the attachments. */
export function LetterViewDialog({ userId, letterId, onClose }: LetterViewDialogProps) {
  const trpc = useLettersTrpc();
  const letter = useQuery(trpc.letters.log.get.queryOptions({ id: letterId, userId }));
  return (
    <Dialog open title={letter.data ? `Letter: ${letter.data.subject}` : 'Letter'} onClose={onClose} size="large">
      {letter.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the letter: {letter.error.message}
        </p>
      ) : letter.data ? (
        <LetterContent letter={letter.data} />
      ) : (
        <p aria-live="polite">Loading…</p>
      )}
    </Dialog>
  );
}
