import type { SisRunEntryDto } from '@ulms/sis/contracts';
import { Link } from '@ulms/ui';
import { useId, useState } from 'react';
import { outcomeLabels } from '../sis-format.js';
import { SisEntryChanges } from './sis-entry-changes.js';

/** Who an entry is about: the primary identifier, a link to the user where there is one. */
function EntryUser({ entry }: { readonly entry: SisRunEntryDto }) {
  const name = entry.primaryId ?? 'No primary identifier';
  return entry.userId ? (
    <Link to="/users/$id" params={{ id: entry.userId }} className="sis-entry__user">
      {name}
    </Link>
  ) : (
    <span className={entry.primaryId ? 'sis-entry__user' : 'sis-entry__user muted'}>{name}</span>
  );
}

/** One record of a run: its outcome, its user, why it was rejected, and (unfolded) the fields it changes. */
export function SisRunEntry({ entry, dryRun }: { readonly entry: SisRunEntryDto; readonly dryRun: boolean }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const who = entry.primaryId ?? `record ${entry.seq + 1}`;
  const changeCount = `${entry.changes.length} field${entry.changes.length === 1 ? '' : 's'}`;
  return (
    <li className={`sis-entry sis-entry--${entry.outcome.toLowerCase()}`}>
      <div className="sis-entry__head">
        <span className="muted sis-entry__seq">#{entry.seq + 1}</span>
        <span className={`badge sis-outcome sis-outcome--${entry.outcome.toLowerCase()}`}>
          {dryRun && entry.outcome !== 'REJECTED'
            ? `Would be ${outcomeLabels[entry.outcome].toLowerCase()}`
            : outcomeLabels[entry.outcome]}
        </span>
        <EntryUser entry={entry} />
        {entry.changes.length > 0 ? (
          <button
            type="button"
            className="ui-button ui-button--small sis-entry__toggle"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? `Hide changes to ${who}` : `Show changes to ${who}`} ({changeCount})
          </button>
        ) : null}
      </div>
      {entry.errors.length > 0 ? (
        <ul className="sis-entry__errors" aria-label={`Why ${who} was rejected`}>
          {entry.errors.map((error, index) => (
            <li key={`${error.field}-${index}`}>
              {error.field ? <code>{error.field}</code> : null}
              {error.field ? ': ' : null}
              {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div id={panelId} className="sis-diff-wrap">
          <SisEntryChanges changes={entry.changes} label={`Changes to ${who}`} />
        </div>
      ) : null}
    </li>
  );
}
