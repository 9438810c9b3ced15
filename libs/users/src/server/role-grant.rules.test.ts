import type { DeclaredPermission } from '@ulms/platform';
import { describe, expect, it } from 'vitest';
import { contactRoleErrors, type RoleGrant, roleGrantErrors } from './role-grant.rules.js';

const declared = new Map<string, DeclaredPermission>([
  ['users.user.read', { description: '', roles: ['PATRON', 'GENERAL_SYSTEM_ADMINISTRATOR'], pluginId: 'users' }],
  ['platform.institution.manage', { description: '', roles: ['GENERAL_SYSTEM_ADMINISTRATOR'], pluginId: 'platform' }],
]);
const reader = { permissions: new Set(['users.user.read']), visibleLibraryIds: null };
const gsa = (change: Partial<RoleGrant> = {}): RoleGrant => ({
  role: 'GENERAL_SYSTEM_ADMINISTRATOR',
  scope: null,
  status: 'ACTIVE',
  expiryDate: null,
  ...change,
});
const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('roleGrantErrors', () => {
  it('refuses a role whose permissions the caller lacks, naming its field', () => {
    expect(fields(roleGrantErrors(reader, declared, [], [{ role: 'PATRON', status: 'ACTIVE' }, gsa()]))).toEqual([
      'roles.1.role',
    ]);
  });

  it('lets through what gives nothing more: kept, narrowed, shortened, deactivated', () => {
    const held = [gsa({ expiryDate: '2030-01-01' })];
    for (const after of [
      gsa({ expiryDate: '2030-01-01' }),
      gsa({ scope: 'MAIN', expiryDate: '2030-01-01' }),
      gsa({ expiryDate: '2029-01-01' }),
      gsa({ status: 'INACTIVE', expiryDate: null }),
    ]) {
      expect(roleGrantErrors(reader, declared, held, [after])).toEqual([]);
    }
  });

  it('counts a wider scope, a later or no expiry and a re-activation as grants', () => {
    for (const [before, after] of [
      [gsa({ scope: 'MAIN' }), gsa()],
      [gsa({ expiryDate: '2030-01-01' }), gsa({ expiryDate: '2031-01-01' })],
      [gsa({ expiryDate: '2030-01-01' }), gsa()],
      [gsa({ status: 'INACTIVE' }), gsa()],
    ] as const) {
      expect(fields(roleGrantErrors(reader, declared, [before], [after]))).toEqual(['roles.0.role']);
    }
  });

  it('holds no job or SIS load (no caller) to it', () => {
    expect(roleGrantErrors(undefined, declared, [], [gsa()])).toEqual([]);
  });
});

describe('contactRoleErrors', () => {
  it('refuses any role on a Contact record', () => {
    expect(contactRoleErrors({ recordType: 'CONTACT', roles: [gsa()] })).toEqual([
      { field: 'roles', message: 'a Contact record cannot hold roles' },
    ]);
    expect(contactRoleErrors({ recordType: 'CONTACT', roles: [] })).toEqual([]);
    expect(contactRoleErrors({ recordType: 'STAFF', roles: [gsa()] })).toEqual([]);
  });
});
