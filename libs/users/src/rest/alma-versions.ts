import { RestError } from '@ulms/platform';
import type { UserDto } from '../contracts/user.dto.js';

/** The reference has no code for it: the HTTP name of the status. */
export const PRECONDITION_FAILED = 'PRECONDITION_FAILED';

/** The `ETag` of a user as read: its version, which every save raises. */
export const etagOf = (user: Pick<UserDto, 'version'>) => ({
  etag: `"${user.version}"`,
});

/**
 * The version a PUT's `If-Match` expects, refused with 412 when the user has moved on; undefined without
 * the header (the reference's clients send none, and then the last save wins, as there).
 */
export function expectedVersionOf(ifMatch: string | undefined, user: Pick<UserDto, 'version'>): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes(`"${user.version}"`)) return user.version;
  throw stale(ifMatch);
}

/** 412: the user changed since the version the client read. */
export const stale = (ifMatch?: string) =>
  RestError.of(
    412,
    PRECONDITION_FAILED,
    `the user was changed since ${ifMatch ? `the version ${ifMatch} was read` : 'it was read'}; GET it again and repeat the change`,
  );
