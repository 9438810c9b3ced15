import { z } from 'zod';
import { roleInput } from './user.schema.js';

/** The record's version as the caller read it: a change over a newer one is refused (no lost update). */
const version = z.number().int().min(0).optional();

/** Add role: one role for the user, institution-wide (scope null) or limited to one library of the institution. */
export const addRoleInput = roleInput.omit({ id: true }).extend({
  userId: z.uuid(),
  version,
});
export type AddRoleInput = z.input<typeof addRoleInput>;

/** Edit role: the scope, status and expiry date of one of the user's roles; the role itself stays. */
export const updateRoleInput = roleInput.omit({ role: true }).extend({
  userId: z.uuid(),
  id: z.uuid(),
  version,
});
export type UpdateRoleInput = z.input<typeof updateRoleInput>;

/** Remove role: one of the user's roles. */
export const removeRoleInput = z.object({ userId: z.uuid(), id: z.uuid(), version });
export type RemoveRoleInput = z.input<typeof removeRoleInput>;

/** Recalculate roles: the institution's role assignment rules applied to the user's record again. */
export const recalculateRolesInput = z.object({ userId: z.uuid(), version });
export type RecalculateRolesInput = z.input<typeof recalculateRolesInput>;
