import type { CourseImportCounts } from '@ulms/courses/contracts';

const labels: readonly [keyof CourseImportCounts, string][] = [
  ['processed', 'Processed'],
  ['added', 'Added'],
  ['kept', 'Kept'],
  ['rejected', 'Rejected'],
  ['removed', 'Removed'],
  ['coursesCreated', 'Courses created'],
  ['ruleFailures', 'Rule failures'],
];

/** An import's counts as a row of figures; `label` names the list for assistive technology. */
export function CourseImportCountsList({
  counts,
  label,
}: {
  readonly counts: CourseImportCounts;
  readonly label: string;
}) {
  return (
    <dl className="courses-counts" aria-label={label}>
      {labels.map(([key, text]) => (
        <div
          key={key}
          className={`courses-counts__item courses-counts__item--${key}${counts[key] > 0 ? ' courses-counts__item--some' : ''}`}
        >
          <dt>{text}</dt>
          <dd>{counts[key].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
