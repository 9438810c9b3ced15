import { useQuery } from '@tanstack/react-query';
import { Dialog } from '@ulms/ui';
import { formatDateTime, formatSize } from './letter-format.js';
import { LetterStatus } from './letter-status.js';
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
  const data = letter.data;
  return (
    <Dialog open title={data ? `Letter: ${data.subject}` : 'Letter'} onClose={onClose} size="large">
      {letter.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the letter: {letter.error.message}
        </p>
      ) : !data ? (
        <p aria-live="polite">Loading…</p>
      ) : (
        <div className="letters-view">
          <dl className="letters-view__facts">
            <dt>From</dt>
            <dd>{data.fromAddress}</dd>
            <dt>To</dt>
            <dd>{data.toAddress}</dd>
            <dt>Subject</dt>
            <dd>{data.subject}</dd>
            <dt>Letter type</dt>
            <dd>{data.letterTypeName}</dd>
            <dt>Status</dt>
            <dd>
              <LetterStatus status={data.status} />
              {data.attempts > 0 ? <span className="muted"> after {data.attempts} attempts</span> : null}
            </dd>
            {data.lastError ? (
              <>
                <dt>Last error</dt>
                <dd className="letters-log__error">{data.lastError}</dd>
              </>
            ) : null}
            <dt>Created</dt>
            <dd>
              {formatDateTime(data.createdAt)} by {data.createdBy}
            </dd>
            <dt>Sent</dt>
            <dd>{formatDateTime(data.sentAt, 'Not yet')}</dd>
          </dl>
          <h3 className="letters-view__heading">As sent</h3>
          {/* No scripts, forms or same-origin access: the HTML is rendered, never trusted. */}
          <iframe className="letters-view__html" title="The letter as HTML" sandbox="" srcDoc={data.html} />
          <h3 className="letters-view__heading">Plain text</h3>
          <pre className="letters-view__text">{data.text}</pre>
          <h3 className="letters-view__heading">Attachments</h3>
          {data.attachments.length === 0 ? (
            <p className="muted">No attachments.</p>
          ) : (
            <ul className="letters-view__attachments">
              {data.attachments.map((file) => (
                <li key={file.filename}>
                  {file.filename} <span className="muted">({formatSize(file.size)})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  );
}
