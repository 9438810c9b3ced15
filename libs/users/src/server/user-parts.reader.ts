import { NotFoundError, ValidationError, visibleOwnerLibraries } from '@ulms/platform';
import type { PartsViewer } from '../contracts/service-callers.js';
import { withOwnerCodes } from './owned-lists.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import { type OwnedList, readOwnedRows } from './user-record.reader.js';

/** What every operation on a user's parts reads first: the user, an owner library, the owned rows in scope. */
export function createUserPartsReader(deps: Pick<UserPartsServiceDeps, 'prisma' | 'database' | 'institutions'>) {
  const { prisma, institutions } = deps;

  const userOf = async (institutionId: string, userId: string) => {
    const user = await prisma.user.findFirst({
      where: { id: userId, institutionId },
      select: { id: true, accountType: true },
    });
    if (!user) throw new NotFoundError('user');
    return user;
  };

  const ownerLibraryId = async (institutionId: string, code: string | null | undefined) => {
    if (!code) return null;
    const library = (await institutions.listLibraries(institutionId)).find((l) => l.code === code);
    if (!library) throw ValidationError.of('ownerLibrary', `"${code}" is not a library of this institution`);
    return library.id;
  };

  /** A user's library-owned rows the viewer's scope covers, with owner library codes; the user checked in the same statement. */
  const listOwned = async <L extends Record<string, OwnedList>>(viewer: PartsViewer, userId: string, lists: L) => {
    const institutionId = viewer.institution.id;
    const [found, libraries] = await Promise.all([
      readOwnedRows(
        deps.database.sql,
        lists,
        institutionId,
        userId,
        visibleOwnerLibraries(viewer.institution, viewer.principal),
      ),
      institutions.listLibraries(institutionId),
    ]);
    if (!found) throw new NotFoundError('user');
    const owned = (rows: Record<string, unknown>[]) =>
      withOwnerCodes(rows as { ownerLibraryId: string | null }[], libraries);
    return Object.fromEntries(Object.entries(found).map(([name, rows]) => [name, owned(rows)])) as {
      [K in keyof L]: ReturnType<typeof owned>;
    };
  };

  /** A row just written, with its owner library's code. */
  const withOwnerCode = async <R extends { ownerLibraryId: string | null }>(institutionId: string, row: R) => {
    const [owned] = withOwnerCodes([row], await institutions.listLibraries(institutionId));
    return owned;
  };

  return { userOf, ownerLibraryId, listOwned, withOwnerCode };
}

export type UserPartsReader = ReturnType<typeof createUserPartsReader>;
