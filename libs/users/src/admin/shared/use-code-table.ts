import { useQuery } from '@tanstack/react-query';
import type { SelectOption } from '@ulms/ui';
import type { CodeTable, CodeTableEntryDto, RecordType } from '@ulms/users/contracts';
import { useMemo } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';

export interface CodeTableOptions {
  /** Active entries usable for the record type, as select options; null when the table cannot be read. */
  readonly options: SelectOption[] | null;
  readonly loading: boolean;
  /** Description of a code, or the code itself (inactive and unknown codes included). */
  readonly describe: (code: string | null) => string;
}

function usableFor(entry: CodeTableEntryDto, recordType: RecordType | null): boolean {
  return entry.active && (!recordType || entry.recordTypes.length === 0 || entry.recordTypes.includes(recordType));
}

/**
 * One code table's entries as options, filtered by record type; the current value stays selectable.
 * Every caller shares one query of all the tables, so a form's selects cost one small request, not a
 * batch of one call per table (whose URL once passed the server's limit: HTTP 414 on a cold "Add user").
 */
export function useCodeTable(
  table: CodeTable,
  recordType: RecordType | null,
  current?: string | null,
): CodeTableOptions {
  const trpc = useUsersTrpc();
  const entries = useQuery(trpc.users.codeTables.list.queryOptions());
  return useMemo(() => {
    const all = (entries.data ?? []).filter((e) => e.table === table);
    const describe = (code: string | null) => (code ? (all.find((e) => e.code === code)?.description ?? code) : '');
    if (entries.isError) return { options: null, loading: false, describe };
    if (!entries.data) return { options: [], loading: true, describe };
    const options = all.filter((e) => usableFor(e, recordType)).map((e) => ({ value: e.code, label: e.description }));
    if (current && !options.some((o) => o.value === current))
      options.push({ value: current, label: describe(current) });
    return { options, loading: false, describe };
  }, [entries.data, entries.isError, table, recordType, current]);
}
