import { randomUUID } from 'node:crypto';
import {
  authExtensionPoints,
  type BuiltInRole,
  definePlugin,
  type PrincipalResolver,
  type RoleSource,
  type SignInSubject,
} from '@ulms/platform';

/** A person the fake identity plugin knows: a subject, its identifiers by type and its roles. */
export interface FakePerson extends SignInSubject {
  readonly identifiers: Readonly<Record<string, string>>;
  readonly roles: readonly BuiltInRole[];
}

/** A person with a fresh id; `identifiers.PRIMARY` is the login name. */
export function fakePerson(
  person: Omit<FakePerson, 'id' | 'identifiers' | 'roles'> & Partial<Pick<FakePerson, 'identifiers' | 'roles'>>,
): FakePerson {
  return {
    id: randomUUID(),
    ...person,
    identifiers: { PRIMARY: person.loginName, ...person.identifiers },
    roles: person.roles ?? ['GENERAL_SYSTEM_ADMINISTRATOR'],
  };
}

const subjectOf = ({ id, displayName, loginName, maySignIn, authentication }: FakePerson): SignInSubject => ({
  id,
  displayName,
  loginName,
  maySignIn,
  authentication,
});

/**
 * Stands in for the users module in tests of the kernel's sign-in: resolves `people` (in every institution) and
 * gives their roles. Core, so it applies without being enabled; never install it beside the users module.
 */
export function fakeIdentityPlugin(people: readonly FakePerson[]) {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const resolver: PrincipalResolver = {
    byLogin: async (_institutionId, login) => {
      const found = people.find((p) => same(p.loginName, login));
      return found ? subjectOf(found) : null;
    },
    byIdentifier: async (_institutionId, type, value) => {
      const found = people.find((p) => p.identifiers[type] !== undefined && same(p.identifiers[type], value));
      return found ? subjectOf(found) : null;
    },
    byId: async (_institutionId, id) => {
      const found = people.find((p) => p.id === id);
      return found ? subjectOf(found) : null;
    },
  };
  const roles: RoleSource = {
    activeRolesOf: async (_institutionId, id) =>
      (people.find((p) => p.id === id && p.maySignIn)?.roles ?? []).map((role) => ({ role, libraryId: null })),
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
