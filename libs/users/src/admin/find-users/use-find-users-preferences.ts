import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { findUsersPreferences, type FindUsersPreferences } from '@ulms/users/contracts';
import { useCallback } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';
import { defaultSearch } from './search-state.js';

const key = { key: findUsersPreferences.id };
const noColumns: FindUsersPreferences['columnVisibility'] = {};

export interface FindUsersPreferencesState {
  /** Read (or unreadable): the page may search with the preferred page size. */
  readonly ready: boolean;
  readonly pageSize: number;
  readonly columnVisibility: FindUsersPreferences['columnVisibility'];
  /** Remembers a change for this staff member, on the server, so it follows them to another desk. */
  readonly save: (patch: Partial<FindUsersPreferences>) => void;
}

/** The signed-in staff member's columns and page size on Find and Manage Users. */
export function useFindUsersPreferences(): FindUsersPreferencesState {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const options = trpc.platform.preferences.get.queryOptions(key, { staleTime: Infinity });
  const stored = useQuery(options);
  const value = findUsersPreferences.schema.safeParse(stored.data);
  const current: FindUsersPreferences = value.success
    ? value.data
    : { columnVisibility: noColumns, pageSize: defaultSearch.pageSize as FindUsersPreferences['pageSize'] };
  const { mutate } = useMutation(trpc.platform.preferences.set.mutationOptions());
  const save = useCallback(
    (patch: Partial<FindUsersPreferences>) => {
      const next = { ...current, ...patch };
      // Shown at once; a failed save only means the choice is not remembered.
      queryClient.setQueryData(options.queryKey, next);
      mutate({ ...key, value: next });
    },
    [current, mutate, queryClient, options.queryKey],
  );
  return { ready: !stored.isPending, pageSize: current.pageSize, columnVisibility: current.columnVisibility, save };
}
