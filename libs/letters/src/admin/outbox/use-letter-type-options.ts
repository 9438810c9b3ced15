import { useQuery } from '@tanstack/react-query';
import type { OutboxEntryDto } from '@ulms/letters/contracts';
import type { SelectOption } from '@ulms/ui';
import { useMemo } from 'react';
import { useLettersTrpc } from '../letters-admin-context.js';

/** The letter types to filter by: every type of the institution, and those of letters loaded (a type since gone). */
export function useLetterTypeOptions(entries: readonly OutboxEntryDto[]): SelectOption[] {
  const trpc = useLettersTrpc();
  const settings = useQuery(trpc.letters.outbox.settings.queryOptions());
  return useMemo(() => {
    const names = new Map<string, string>(entries.map((entry) => [entry.letterTypeId, entry.letterTypeName]));
    for (const type of settings.data?.letterTypes ?? []) names.set(type.id, type.name);
    return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [entries, settings.data]);
}
