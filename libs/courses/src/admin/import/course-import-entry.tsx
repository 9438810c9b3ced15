import type { CourseImportEntryDto } from '@ulms/courses/contracts';
import { outcomeLabels } from '../courses-format.js';

/** An entry's course: its code and section, as the file named them. */
const courseOf = (entry: CourseImportEntryDto) =>
  entry.courseCode ? (entry.section ? `${entry.courseCode}-${entry.section}` : entry.courseCode) : null;

/** One entry of an import: its row, outcome, user and course, and why it was rejected. */
export function CourseImportEntry({
  entry,
  dryRun,
}: {
  readonly entry: CourseImportEntryDto;
  readonly dryRun: boolean;
}) {
  const course = courseOf(entry);
  const who = entry.userPrimaryId ?? 'No user';
  const label =
    dryRun && entry.outcome !== 'REJECTED'
      ? `Would be ${outcomeLabels[entry.outcome].toLowerCase()}`
      : outcomeLabels[entry.outcome];
  return (
    <li className={`courses-entry courses-entry--${entry.outcome.toLowerCase()}`}>
      <div className="courses-entry__head">
        <span className="muted courses-entry__seq">
          {entry.outcome === 'REMOVED' ? 'Not in file' : `Row ${(entry.seq + 1).toLocaleString()}`}
        </span>
        <span className={`badge courses-outcome courses-outcome--${entry.outcome.toLowerCase()}`}>{label}</span>
        <span className={entry.userPrimaryId ? 'courses-entry__user' : 'courses-entry__user muted'}>{who}</span>
        <span className="muted">in</span>
        {course ? <code>{course}</code> : <span className="muted">no course</span>}
      </div>
      {entry.errors.length > 0 ? (
        <ul className="courses-entry__errors" aria-label={`Why row ${entry.seq + 1} was rejected`}>
          {entry.errors.map((error, index) => (
            <li key={`${error.field}-${index}`}>
              {error.field ? <code>{error.field}</code> : null}
              {error.field ? ': ' : null}
              {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
