/** The roles shipped with the product, after the reference's user-management roles. */
export const builtInRoles = {
  USER_MANAGER: 'User Manager',
  USER_ADMINISTRATOR: 'User Administrator',
  CIRCULATION_DESK_MANAGER: 'Circulation Desk Manager',
  CIRCULATION_DESK_OPERATOR: 'Circulation Desk Operator',
  FULFILLMENT_SERVICES_OPERATOR: 'Fulfillment Services Operator',
  GENERAL_SYSTEM_ADMINISTRATOR: 'General System Administrator',
  /** Sees everything its scope allows and changes nothing. */
  VIEW_ONLY_OPERATOR: 'View-Only Operator',
  PATRON: 'Patron',
} as const;

export type BuiltInRole = keyof typeof builtInRoles;
export const builtInRoleCodes = Object.keys(builtInRoles) as BuiltInRole[];

/** A permission as a plugin declares it: what it allows, and which shipped roles hold it. */
export interface PermissionDeclaration {
  readonly description: string;
  readonly roles: readonly BuiltInRole[];
}
