import { ConflictError } from '@ulms/platform';

/** An update over a version of the record newer than the one the caller read (someone else saved meanwhile). */
export class StaleVersionError extends ConflictError {
  constructor() {
    super('the user was changed by someone else since you opened it; reload it and make your change again');
  }
}
