import { type SisRunDto, type SisRunOutcome, sisRunOutcomes } from '@ulms/sis/contracts';
import { useState } from 'react';
import { outcomeLabels } from '../sis-format.js';
import { SisRunEntry } from './sis-run-entry.js';
import { useSisRunEntries } from './use-sis-run-entries.js';

/** Unchanged records are counted, not listed. */
const listed = sisRunOutcomes.filter((outcome) => outcome !== 'UNCHANGED');

const countOf = (run: SisRunDto, outcome: SisRunOutcome | undefined) =>
  outcome
    ? run.counts[outcome.toLowerCase() as Lowercase<SisRunOutcome>]
    : run.counts.created + run.counts.updated + run.counts.rejected + run.counts.deactivated;

/** A run's records user by user, filtered by outcome, a page at a time. */
export function SisRunEntries({ run }: { readonly run: SisRunDto }) {
  const [outcome, setOutcome] = useState<SisRunOutcome | undefined>(undefined);
  const entries = useSisRunEntries(run.id, outcome);
  const filters: (SisRunOutcome | undefined)[] = [undefined, ...listed];
  return (
    <section className="sis-stack" aria-labelledby="sis-entries-heading">
      <h2 id="sis-entries-heading">Records</h2>
      <div className="sis-filters" role="group" aria-label="Show records">
        {filters.map((value) => (
          <button
            key={value ?? 'ALL'}
            type="button"
            className={
              value === outcome ? 'ui-button ui-button--small ui-button--primary' : 'ui-button ui-button--small'
            }
            aria-pressed={value === outcome}
            onClick={() => setOutcome(value)}
          >
            {value ? outcomeLabels[value] : 'All'} ({countOf(run, value).toLocaleString()})
          </button>
        ))}
      </div>
      {entries.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the records: {entries.error.message}
        </p>
      ) : entries.isPending ? (
        <p aria-live="polite">Loading the records…</p>
      ) : entries.entries.length === 0 ? (
        <p className="muted">
          {outcome
            ? `No ${outcomeLabels[outcome].toLowerCase()} records.`
            : 'No records created, updated, rejected or deactivated.'}
        </p>
      ) : (
        <ol className="sis-entries" aria-label="Records">
          {entries.entries.map((entry) => (
            <SisRunEntry key={entry.seq} entry={entry} dryRun={run.dryRun} />
          ))}
        </ol>
      )}
      <div className="sis-more">
        <span className="muted" role="status">
          {entries.entries.length.toLocaleString()} of {countOf(run, outcome).toLocaleString()} shown
        </span>
        {entries.hasNextPage ? (
          <button
            type="button"
            className="ui-button ui-button--small"
            disabled={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            {entries.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </section>
  );
}
