import { useQuery } from '@tanstack/react-query';
import { platformPermissions } from '@ulms/platform/contracts';
import type { SelectOption } from '@ulms/ui';
import { useMemo } from 'react';
import { useCan, useUsersTrpc } from '../users-admin-context.js';

export interface OwnerLibraries {
  /** The institution has library independence, so notes and statistics have an owner library. */
  readonly enabled: boolean;
  /** The institution's libraries by code. */
  readonly options: readonly SelectOption[];
}

/** The owner-library choice of notes and statistics; off unless the institution has library independence. */
export function useOwnerLibraries(): OwnerLibraries {
  const trpc = useUsersTrpc();
  const canReadInstitution = useCan(platformPermissions.institutionRead);
  const canReadLibraries = useCan(platformPermissions.libraryRead);
  const institution = useQuery(trpc.platform.institution.get.queryOptions(undefined, { enabled: canReadInstitution }));
  const enabled = institution.data?.libraryIndependence ?? false;
  const libraries = useQuery(
    trpc.platform.libraries.list.queryOptions(undefined, { enabled: enabled && canReadLibraries }),
  );
  const options = useMemo(
    () =>
      (libraries.data ?? []).map((library) => ({ value: library.code, label: `${library.name} (${library.code})` })),
    [libraries.data],
  );
  return { enabled, options };
}
