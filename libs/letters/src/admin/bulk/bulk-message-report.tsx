import type { BulkLetterReport } from '../../server/bulk-letter.job.js';
import '../user/letters-user.css';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The report of a letters.bulkMessage job, or null when it is not one. */
function bulkReportOf(report: unknown): BulkLetterReport | null {
  if (!isObject(report) || !Array.isArray(report['notSent'])) return null;
  const { matched, queued, noEmail, restricted } = report;
  if (
    typeof matched !== 'number' ||
    typeof queued !== 'number' ||
    typeof noEmail !== 'number' ||
    typeof restricted !== 'number'
  ) {
    return null;
  }
  const notSent = report['notSent'].filter(
    (entry): entry is BulkLetterReport['notSent'][number] =>
      isObject(entry) && typeof entry['primaryId'] === 'string' && typeof entry['reason'] === 'string',
  );
  return { matched, queued, noEmail, restricted, notSent };
}

/** Message users' report: how many the search found and got a letter, and who got none with why. */
export function BulkMessageReport({ report }: { readonly report: unknown }) {
  const bulk = bulkReportOf(report);
  if (!bulk) return null;
  const skipped = bulk.noEmail + bulk.restricted;
  return (
    <div className="letters-bulk-report">
      <dl className="letters-bulk-report__totals">
        <div>
          <dt>Matched</dt>
          <dd>{bulk.matched.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Letters queued</dt>
          <dd>{bulk.queued.toLocaleString()}</dd>
        </div>
        <div>
          <dt>No preferred email</dt>
          <dd>{bulk.noEmail.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Restricted</dt>
          <dd>{bulk.restricted.toLocaleString()}</dd>
        </div>
      </dl>
      <h3>
        Not sent <span className="muted">({skipped.toLocaleString()})</span>
      </h3>
      {skipped === 0 ? (
        <p className="muted">Every matched user got the letter.</p>
      ) : (
        <>
          <ul>
            {bulk.notSent.map((entry) => (
              <li key={entry.primaryId}>
                <code>{entry.primaryId}</code>: {entry.reason}
              </li>
            ))}
          </ul>
          {skipped > bulk.notSent.length ? <p className="muted">The first {bulk.notSent.length} are listed.</p> : null}
        </>
      )}
    </div>
  );
}
