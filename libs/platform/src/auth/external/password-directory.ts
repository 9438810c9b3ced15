import type { SignInSubject } from '../../contracts/identity.js';

/** A directory that checks a login and password typed on the sign-in form (LDAP). Passwords are never stored. */
export interface PasswordDirectory {
  /**
   * The subject the directory vouches for: the login's entry accepted the password and its attribute matched a
   * record whose authentication is `external`. Null for an unknown login, a wrong or empty password, no match,
   * a local record, no directory configured, or a directory that cannot be reached (logged). `maySignIn` is the
   * caller's to check.
   */
  authenticate(institutionId: string, login: string, password: string): Promise<SignInSubject | null>;
}
