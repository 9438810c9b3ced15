import { randomUUID } from 'node:crypto';
import type { HeldRole, SignInSubject } from '../contracts/identity.js';
import { authExtensionPoints } from '../contracts/identity.js';
import type { BuiltInRole } from '../contracts/roles.js';
import type { Kernel } from '../plugin/kernel.js';
import { definePlugin } from '../plugin/plugin-definition.js';
import { authServices } from '../auth/auth-services.js';

/** A person the kernel's tests sign in as; the users module keeps real ones. */
export interface TestPerson {
  id: string;
  institutionId: string;
  loginName: string;
  displayName: string;
  maySignIn: boolean;
  authentication: 'local' | 'external';
  roles: HeldRole[];
}

/**
 * People for the kernel's own tests, without the users module: a plugin that fills `auth.principalResolver`
 * and `auth.roleSource` from memory. Passwords go to the kernel's real credentials.
 */
export function createTestPeople() {
  const people = new Map<string, TestPerson>();
  const find = (institutionId: string, test: (p: TestPerson) => boolean): SignInSubject | null => {
    const person = [...people.values()].find((p) => p.institutionId === institutionId && test(p));
    return person ? { ...person } : null;
  };
  const plugin = definePlugin({
    id: 'test-people',
    title: 'Test people',
    core: true,
    dependsOn: ['auth'],
    register(env) {
      env.contribute(authExtensionPoints.principalResolver, {
        byLogin: async (institutionId, login) =>
          find(institutionId, (p) => p.loginName.toLowerCase() === login.toLowerCase()),
        byIdentifier: async (institutionId, _type, value) =>
          find(institutionId, (p) => p.loginName.toLowerCase() === value.toLowerCase()),
        byId: async (institutionId, id) => find(institutionId, (p) => p.id === id),
      });
      env.contribute(authExtensionPoints.roleSource, {
        activeRolesOf: async (institutionId, id) => {
          const person = people.get(id);
          return person?.institutionId === institutionId && person.maySignIn ? [...person.roles] : [];
        },
      });
    },
  });

  return {
    plugin,
    people,
    async add(
      kernel: Kernel,
      input: {
        institutionId: string;
        loginName: string;
        displayName?: string;
        password?: string;
        roles: readonly { role: BuiltInRole; libraryId?: string }[];
        mustChangePassword?: boolean;
        authentication?: 'local' | 'external';
      },
    ): Promise<TestPerson> {
      const person: TestPerson = {
        id: randomUUID(),
        institutionId: input.institutionId,
        loginName: input.loginName,
        displayName: input.displayName ?? input.loginName,
        maySignIn: true,
        authentication: input.authentication ?? 'local',
        roles: input.roles.map((r) => ({ role: r.role, libraryId: r.libraryId ?? null })),
      };
      people.set(person.id, person);
      if (input.password) {
        await kernel.services
          .get(authServices.credentials)
          .setPassword(person, input.password, { mustChange: input.mustChangePassword ?? false });
      }
      return person;
    },
  };
}
