import { errorCodeOf, Link } from '@ulms/ui';
import { usersPaths } from '../shared/users-paths.js';

/** Answers meaning "no such user here": an unknown id, or one that cannot be an id at all. */
const notFoundCodes = new Set(['NOT_FOUND', 'BAD_REQUEST']);

/** What User Details shows instead of the record when it cannot load it: never the server's raw message. */
export function UserLoadError({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  const notFound = notFoundCodes.has(errorCodeOf(error) ?? '');
  return (
    <div className="panel users-load-error">
      <h1 tabIndex={-1}>{notFound ? 'User not found' : 'The user could not be loaded'}</h1>
      <p role="alert">
        {notFound
          ? 'There is no user at this address. The user may have been deleted, or the link is incomplete.'
          : 'The server did not answer. Check the connection and try again.'}
      </p>
      <p className="users-load-error__actions">
        {notFound ? null : (
          <button type="button" className="ui-button" onClick={onRetry}>
            Try again
          </button>
        )}
        <Link to={usersPaths.find}>Back to Find and Manage Users</Link>
      </p>
    </div>
  );
}
