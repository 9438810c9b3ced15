import { type BuiltInRole, builtInRoleCodes } from '@ulms/platform/contracts';

/** Alma's role_type codes for the roles we ship; other Alma roles have no counterpart here. */
export const almaRoleTypes: Readonly<Record<string, BuiltInRole>> = {
  '200': 'PATRON',
  '21': 'USER_MANAGER',
  '50': 'USER_ADMINISTRATOR',
  '221': 'CIRCULATION_DESK_MANAGER',
  '32': 'CIRCULATION_DESK_OPERATOR',
  '299': 'FULFILLMENT_SERVICES_OPERATOR',
  '26': 'GENERAL_SYSTEM_ADMINISTRATOR',
};

/** Our role code to Alma's role_type code. */
export const almaRoleTypeOf: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(almaRoleTypes).map(([code, role]) => [role, code]),
);

/**
 * Our roles that Alma has no role_type for (the View-Only Operator): written and read under our own code, so
 * a document read and sent back (GET, then PUT) keeps them.
 */
export const ownRoleTypes: ReadonlySet<string> = new Set(builtInRoleCodes.filter((role) => !(role in almaRoleTypeOf)));

/** The role a document's role_type names: an Alma code, or one of `ownRoleTypes`; undefined for any other. */
export const roleOfRoleType = (roleType: string): BuiltInRole | undefined =>
  Object.hasOwn(almaRoleTypes, roleType)
    ? almaRoleTypes[roleType]
    : ownRoleTypes.has(roleType)
      ? (roleType as BuiltInRole)
      : undefined;

/** Alma's phone type codes (snake case) to ours (camel case); email and address types are the same in both. */
export const almaPhoneTypes: Readonly<Record<string, string>> = {
  home: 'home',
  mobile: 'mobile',
  office: 'office',
  office_fax: 'officeFax',
  claim_fax: 'claimFax',
  claim_phone: 'claimPhone',
  order_fax: 'orderFax',
  order_phone: 'orderPhone',
  payment_fax: 'paymentFax',
  payment_phone: 'paymentPhone',
  returns_fax: 'returnsFax',
  returns_phone: 'returnsPhone',
};

/** Our phone type code to Alma's. */
export const almaPhoneTypeOf: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(almaPhoneTypes).map(([alma, ours]) => [ours, alma]),
);

/** Our segment type to Alma's segment_type word. */
export const almaSegmentTypeOf = { INTERNAL: 'Internal', EXTERNAL: 'External' } as const;
