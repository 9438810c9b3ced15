import type { CourseImportDto, CourseImportOutcome } from '@ulms/courses/contracts';
import { useState } from 'react';
import { outcomeLabels } from '../courses-format.js';
import { CourseImportEntry } from './course-import-entry.js';
import { useCourseImportEntries } from './use-course-import-entries.js';

/** The outcomes an import lists: additions are listed for a dry run only (an import counts them). */
const listedOf = (item: CourseImportDto): CourseImportOutcome[] =>
  item.dryRun ? ['ADDED', 'REJECTED', 'REMOVED'] : ['REJECTED', 'REMOVED'];

const countOf = (item: CourseImportDto, outcome: CourseImportOutcome): number =>
  outcome === 'ADDED' ? item.counts.added : outcome === 'REJECTED' ? item.counts.rejected : item.counts.removed;

/** An import's rows: the ones added (dry runs), rejected and removed, filtered by outcome, a page at a time. */
export function CourseImportEntries({ item }: { readonly item: CourseImportDto }) {
  const [outcome, setOutcome] = useState<CourseImportOutcome | undefined>(undefined);
  const entries = useCourseImportEntries(item.id, outcome);
  const listed = listedOf(item);
  const filters: (CourseImportOutcome | undefined)[] = [undefined, ...listed];
  const count = (value: CourseImportOutcome | undefined) =>
    value ? countOf(item, value) : listed.reduce((sum, each) => sum + countOf(item, each), 0);
  const listedWords = listed.map((each) => outcomeLabels[each].toLowerCase()).join(', ');
  return (
    <section className="courses-stack" aria-labelledby="courses-entries-heading">
      <h2 id="courses-entries-heading">Rows</h2>
      <div className="courses-filters courses-filters--buttons" role="group" aria-label="Show rows">
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
            {value ? outcomeLabels[value] : 'All'} ({count(value).toLocaleString()})
          </button>
        ))}
      </div>
      {entries.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the rows: {entries.error.message}
        </p>
      ) : entries.isPending ? (
        <p aria-live="polite">Loading the rows…</p>
      ) : entries.entries.length === 0 ? (
        <p className="muted">
          {outcome ? `No ${outcomeLabels[outcome].toLowerCase()} rows.` : `No rows ${listedWords}.`}
        </p>
      ) : (
        <ol className="courses-entries" aria-label="Rows">
          {entries.entries.map((entry) => (
            <CourseImportEntry key={entry.seq} entry={entry} dryRun={item.dryRun} />
          ))}
        </ol>
      )}
      <div className="courses-more">
        <span className="muted" role="status">
          {entries.entries.length.toLocaleString()} of {count(outcome).toLocaleString()} shown
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
