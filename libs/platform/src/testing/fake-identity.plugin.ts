import { randomUUID } from 'node:crypto';
import { authExtensionPoints, type HeldRole, type PrincipalResolver, type RoleSource } from '../contracts/identity.js';
import type { BuiltInRole } from '../contracts/roles.js';
import { definePlugin } from '../plugin/plugin-definition.js';

/** A person the fake identity plugin knows. `maySignIn` and `roles` may be changed while a test runs. */
export interface FakePerson {
  readonly id: string;
  readonly displayName: string;
  readonly loginName: string;
  maySignIn: boolean;
  readonly authentication: 'local' | 'external';
  /** Identifier values by type; `PRIMARY` is the login name. */
  readonly identifiers: Readonly<Record<string, string>>;
  roles: HeldRole[];
}

/** A person with a fresh id; roles are institution-wide unless given with their library. */
export function fakePerson(person: {
  displayName?: string;
  loginName: string;
  maySignIn?: boolean;
  authentication?: 'local' | 'external';
  identifiers?: Record<string, string>;
  roles?: readonly (BuiltInRole | HeldRole)[];
}): FakePerson {
  return {
    id: randomUUID(),
    displayName: person.displayName ?? person.loginName,
    loginName: person.loginName,
    maySignIn: person.maySignIn ?? true,
    authentication: person.authentication ?? 'local',
    identifiers: { PRIMARY: person.loginName, ...person.identifiers },
    roles: (person.roles ?? ['GENERAL_SYSTEM_ADMINISTRATOR']).map((r) =>
      typeof r === 'string' ? { role: r, libraryId: null } : r,
    ),
  };
}

const subjectOf = ({ id, displayName, loginName, maySignIn, authentication }: FakePerson) => ({
  id,
  displayName,
  loginName,
  maySignIn,
  authentication,
});

/**
 * Stands in for the users module in tests of the kernel's sign-in: resolves `people` (in every institution; add
 * to the array while the test runs) and gives their roles. Core, so it applies without being enabled; never
 * install it beside the users module.
 */
export function fakeIdentityPlugin(people: FakePerson[]) {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const found = (test: (p: FakePerson) => boolean) => {
    const person = people.find(test);
    return person ? subjectOf(person) : null;
  };
  const resolver: PrincipalResolver = {
    byLogin: async (_institutionId, login) => found((p) => same(p.loginName, login)),
    byIdentifier: async (_institutionId, type, value) =>
      found((p) => p.identifiers[type] !== undefined && same(p.identifiers[type], value)),
    byId: async (_institutionId, id) => found((p) => p.id === id),
  };
  const roles: RoleSource = {
    activeRolesOf: async (_institutionId, id) => [...(people.find((p) => p.id === id && p.maySignIn)?.roles ?? [])],
  };
  return definePlugin({
    id: 'fake-identity',
    title: 'Fake identity (tests)',
    core: true,
    dependsOn: ['auth'],
    register(env) {
      env.contribute(authExtensionPoints.principalResolver, resolver);
      env.contribute(authExtensionPoints.roleSource, roles);
    },
  });
}
