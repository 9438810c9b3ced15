import type { InstitutionRef, Principal } from '../trpc/request-context.js';

/**
 * Which owner libraries' rows the caller may see, as a filter on an `ownerLibraryId` column: every row
 * unless the institution has library independence and the caller's roles cover only some libraries.
 * Rows owned by no library are always visible.
 */
export function ownerLibraryFilter(
  institution: Pick<InstitutionRef, 'libraryIndependence'>,
  principal: Pick<Principal, 'libraryScope'>,
): { ownerLibraryId?: null } | { OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: string[] } }] } {
  const scope = principal.libraryScope;
  if (!institution.libraryIndependence || !scope || scope.all) return {};
  return { OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: [...scope.libraryIds] } }] };
}
