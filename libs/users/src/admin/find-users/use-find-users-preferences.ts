import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { findUsersPreferences, type FindUsersPreferences } from '@ulms/users/contracts';
import { useCallback, useRef } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';
import { defaultSearch } from './search-state.js';

const key = { key: findUsersPreferences.id };
const defaults: FindUsersPreferences = {
  columnVisibility: {},
  pageSize: defaultSearch.pageSize as FindUsersPreferences['pageSize'],
};
const parsed = (data: unknown): FindUsersPreferences => {
  const value = findUsersPreferences.schema.safeParse(data);
  return value.success ? value.data : defaults;
};

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
  const current = parsed(stored.data);
  const { mutateAsync } = useMutation(trpc.platform.preferences.set.mutationOptions());
  // One save at a time, sending the newest choice: two quick changes saved side by side could land in either order.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const unsent = useRef<FindUsersPreferences | null>(null);
  const save = useCallback(
    (patch: Partial<FindUsersPreferences>) => {
      // From the cache, not this render's value: a second change before the next render builds on the first.
      const next = { ...parsed(queryClient.getQueryData(options.queryKey)), ...patch };
      // Shown at once; a failed save only means the choice is not remembered.
      queryClient.setQueryData(options.queryKey, next);
      unsent.current = next;
      saving.current = saving.current.then(async () => {
        const value = unsent.current;
        unsent.current = null;
        if (value) await mutateAsync({ ...key, value }).catch(() => undefined);
      });
    },
    [mutateAsync, queryClient, options.queryKey],
  );
  return { ready: !stored.isPending, pageSize: current.pageSize, columnVisibility: current.columnVisibility, save };
}
