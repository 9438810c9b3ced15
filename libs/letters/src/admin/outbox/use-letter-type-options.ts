import { useQuery } from '@tanstack/react-query';
import { type OutboxEntryDto, lettersPermissions } from '@ulms/letters/contracts';
import { type SelectOption, useAdminCan } from '@ulms/ui';
import { useMemo } from 'react';
import { useLettersTrpc } from './use-letters-trpc.js';

/**
 * The letter types to filter by: every type for staff who may read them (they manage the wording), otherwise the
 * types of the letters loaded so far.
 */
export function useLetterTypeOptions(entries: readonly OutboxEntryDto[]): SelectOption[] {
  const trpc = useLettersTrpc();
  const canReadTypes = useAdminCan(lettersPermissions.templateManage);
  const types = useQuery({ ...trpc.letters.types.queryOptions(), enabled: canReadTypes });
  return useMemo(() => {
    const names = new Map<string, string>(entries.map((entry) => [entry.letterTypeId, entry.letterTypeName]));
    for (const type of types.data ?? []) names.set(type.id, type.name);
    return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [entries, types.data]);
}
