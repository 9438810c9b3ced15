import {
  type BuiltInRole,
  ConflictError,
  type ServiceContainer,
  tenancyServices,
  ValidationError,
} from '@ulms/platform';
import { usersPlugin } from '@ulms/users';
import { usersServices, type UserDto } from '@ulms/users/contracts';

/** A staff member as the operator (CLI, setup, demo seed) creates one: a Staff user record with roles. */
export interface NewStaffUser {
  readonly institutionId: string;
  /** What they sign in with. */
  readonly primaryId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly password: string;
  readonly roles: readonly { role: BuiltInRole; scope?: string | null; expiryDate?: string | null }[];
  readonly mustChangePassword?: boolean;
  /** Defaults to the institution's first active user group for staff; a new institution gets one, STAFF. */
  readonly userGroup?: string;
}

/**
 * Creates a Staff user record with a password and roles through the users module, with every rule the
 * admin app applies; acting for the installation, which may grant any role.
 */
export async function createStaffUser(services: ServiceContainer, input: NewStaffUser): Promise<UserDto> {
  // A record where the users module is off could never sign in: say so rather than make it.
  if (!(await services.get(tenancyServices.modules).isEnabled(input.institutionId, usersPlugin.id))) {
    throw new ConflictError(
      `the users module is not enabled for this institution: staff sign in as its user records (ulms institution enable-module --module ${usersPlugin.id})`,
    );
  }
  const userGroup = input.userGroup ?? (await staffUserGroup(services, input.institutionId));
  const result = await services.get(usersServices.users).create(
    { institutionId: input.institutionId, actor: 'ulms', actorKind: 'system' },
    {
      recordType: 'STAFF',
      accountType: 'INTERNAL',
      primaryId: input.primaryId,
      firstName: input.firstName,
      lastName: input.lastName,
      userGroup,
      password: input.password,
      forcePasswordChange: input.mustChangePassword ?? false,
      roles: input.roles.map((r) => ({ role: r.role, scope: r.scope ?? null, expiryDate: r.expiryDate ?? null })),
      confirmDuplicate: true,
    },
  );
  if (result.status !== 'saved') throw ValidationError.of('primaryId', 'a user with the same names exists');
  return result.user;
}

/** The first user group staff records may have; a new institution's first one is made: STAFF. */
async function staffUserGroup(services: ServiceContainer, institutionId: string): Promise<string> {
  const codeTables = services.get(usersServices.codeTables);
  const groups = await codeTables.list(institutionId, 'USER_GROUP');
  const found = groups.find((g) => g.active && g.recordTypes.includes('STAFF'));
  if (found) return found.code;
  const made = await codeTables.save(institutionId, {
    table: 'USER_GROUP',
    code: 'STAFF',
    description: 'Staff',
    recordTypes: ['STAFF'],
    active: true,
  });
  return made.code;
}

/** First and last name from a name as one string ("Ada Lovelace"); a single word is both, as records need both. */
export function namesOf(displayName: string): { firstName: string; lastName: string } {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  return { firstName: words.length > 1 ? words.slice(0, -1).join(' ') : last, lastName: last };
}
