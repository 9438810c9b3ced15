import { useQuery } from '@tanstack/react-query';
import type { SisFieldChange } from '@ulms/sis/contracts';
import { type CodeTable, historyFields } from '@ulms/users/contracts';
import { useCodeTablesQuery } from '../sis-admin-context.js';

/** Fields whose values are codes of a code table: shown with their description. */
const codeFields: Readonly<Record<string, CodeTable>> = {
  userGroup: 'USER_GROUP',
  jobCategory: 'JOB_CATEGORY',
  userTitle: 'USER_TITLE',
  campusCode: 'CAMPUS',
  preferredLanguage: 'LANGUAGE',
};

const labelOf = (field: string) => (historyFields as Readonly<Record<string, string>>)[field] ?? field;

/** The dry-run diff of one user: each field with its value before and after, codes with their description. */
export function SisEntryChanges({
  changes,
  label,
}: {
  readonly changes: readonly SisFieldChange[];
  readonly label: string;
}) {
  const entries = useQuery({ ...useCodeTablesQuery(), retry: false });
  const shown = (field: string, text: string | null) => {
    if (text === null || text === '') return <span className="muted">(empty)</span>;
    const table = codeFields[field];
    const description = table && entries.data?.find((e) => e.table === table && e.code === text)?.description;
    return description ? `${description} (${text})` : text;
  };
  return (
    <table className="ui-table sis-diff">
      <caption className="ui-visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, index) => (
          <tr key={`${change.field}-${index}`}>
            <th scope="row">{labelOf(change.field)}</th>
            <td className="sis-diff__before">{shown(change.field, change.before)}</td>
            <td className="sis-diff__after">{shown(change.field, change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
