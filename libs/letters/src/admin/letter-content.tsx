import type { OutboxLetterDto } from '@ulms/letters/contracts';
import { formatDateTime, formatSize } from './letter-format.js';
import { LetterStatusBadge } from './letter-status.badge.js';
import './letters-admin.css';

/** What a letter said and where it stands (the outbox's and a user's log): its facts, the HTML in a sandbox, the text, attachments. */
export function LetterContent({ letter }: { readonly letter: OutboxLetterDto }) {
  return (
    <div className="letters-letter">
      <dl className="letters-facts">
        <dt>From</dt>
        <dd>{letter.fromAddress}</dd>
        <dt>To</dt>
        <dd>{letter.toAddress}</dd>
        <dt>Subject</dt>
        <dd>{letter.subject}</dd>
        <dt>Letter type</dt>
        <dd>
          {letter.letterTypeName} <span className="muted">({letter.language})</span>
        </dd>
        <dt>Status</dt>
        <dd>
          <LetterStatusBadge status={letter.status} />{' '}
          <span className="muted">
            {letter.sentAt
              ? `sent ${formatDateTime(letter.sentAt)}`
              : `${letter.attempts} attempt${letter.attempts === 1 ? '' : 's'}`}
          </span>
        </dd>
        <dt>Created</dt>
        <dd>
          {formatDateTime(letter.createdAt)} by {letter.createdBy}
        </dd>
        {letter.lastError ? (
          <>
            <dt>Last error</dt>
            <dd className="letters-error">{letter.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h3>HTML</h3>
      <iframe className="letters-frame" sandbox="" srcDoc={letter.html} title="The letter as HTML" />
      <h3>Plain text</h3>
      <pre className="letters-text">{letter.text}</pre>
      <h3>Attachments</h3>
      {letter.attachments.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="letters-attachments">
          {letter.attachments.map((attachment, index) => (
            <li key={index}>
              {attachment.filename} <span className="muted">({formatSize(attachment.size)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
