import type { SisRunCounts } from '@ulms/sis/contracts';

const labels: readonly [keyof SisRunCounts, string][] = [
  ['processed', 'Processed'],
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['rejected', 'Rejected'],
  ['deactivated', 'Deactivated'],
];

/** A run's counts as a row of figures; `label` names the list for assistive technology. */
export function SisRunCountsList({ counts, label }: { readonly counts: SisRunCounts; readonly label: string }) {
  return (
    <dl className="sis-counts" aria-label={label}>
      {labels.map(([key, text]) => (
        <div
          key={key}
          className={`sis-counts__item sis-counts__item--${key}${counts[key] > 0 ? ' sis-counts__item--some' : ''}`}
        >
          <dt>{text}</dt>
          <dd>{counts[key].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
