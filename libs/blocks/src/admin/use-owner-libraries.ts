import { useQuery } from '@tanstack/react-query';
import { platformPermissions } from '@ulms/platform/contracts';
import { type SelectOption, useAdminCan } from '@ulms/ui';
import { useMemo } from 'react';
import { useBlocksTrpc } from './blocks-admin-context.js';

/** The institution's libraries a block may belong to; none when the staff member may not read the libraries. */
export function useOwnerLibraries(): readonly SelectOption[] {
  const trpc = useBlocksTrpc();
  const canReadLibraries = useAdminCan(platformPermissions.libraryRead);
  const libraries = useQuery(trpc.platform.libraries.list.queryOptions(undefined, { enabled: canReadLibraries }));
  return useMemo(
    () =>
      (libraries.data ?? []).map((library) => ({ value: library.code, label: `${library.name} (${library.code})` })),
    [libraries.data],
  );
}
