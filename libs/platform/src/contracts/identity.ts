import { createSingleExtensionPoint } from '../plugin/extension-point.js';

/**
 * A person who may sign in, as the module that keeps people (the users module) describes them. The kernel
 * keys passwords, second factors and sessions by `id` and never reads the record itself.
 */
export interface SignInSubject {
  readonly id: string;
  readonly displayName: string;
  /** What the person signs in with and the app shows: the record's primary identifier. */
  readonly loginName: string;
  /** False for an inactive or expired record: no sign-in, and a live session ends at its next request. */
  readonly maySignIn: boolean;
  /** `local`: the kernel's password; `external`: the institution's OpenID Connect provider or LDAP directory. */
  readonly authentication: 'local' | 'external';
}

/** Finds the subject behind a sign-in. Case-insensitive, as identifiers are. */
export interface PrincipalResolver {
  /** By primary identifier, or by an identifier whose type the institution marks as usable for sign-in. */
  byLogin(institutionId: string, login: string): Promise<SignInSubject | null>;
  /** By an identifier of one type: how external authentication matches a claim or attribute to a record. */
  byIdentifier(institutionId: string, identifierType: string, value: string): Promise<SignInSubject | null>;
  byId(institutionId: string, subjectId: string): Promise<SignInSubject | null>;
}

/** A role that grants something now, with the library it is limited to (null: the whole institution). */
export interface HeldRole {
  readonly role: string;
  readonly libraryId: string | null;
}

/** The roles a subject holds: only active, unexpired ones, and none for a subject who may not sign in. */
export interface RoleSource {
  activeRolesOf(institutionId: string, subjectId: string): Promise<readonly HeldRole[]>;
}

/**
 * How the kernel's auth learns who people are without importing the module that keeps them: the users
 * module fills both. With no contribution enabled for an institution, only API keys and the CLI work there.
 */
export const authExtensionPoints = {
  principalResolver: createSingleExtensionPoint<PrincipalResolver>({ id: 'auth.principalResolver' }),
  roleSource: createSingleExtensionPoint<RoleSource>({ id: 'auth.roleSource' }),
};
