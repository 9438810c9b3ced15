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
  const libraryIds = visibleOwnerLibraries(institution, principal);
  return libraryIds ? { OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: libraryIds } }] } : {};
}

/** The same rule for SQL: the owner libraries whose rows the caller may see besides unowned ones, or null for all. */
export function visibleOwnerLibraries(
  institution: Pick<InstitutionRef, 'libraryIndependence'>,
  principal: Pick<Principal, 'libraryScope'>,
): string[] | null {
  const scope = principal.libraryScope;
  return !institution.libraryIndependence || !scope || scope.all ? null : [...scope.libraryIds];
}
