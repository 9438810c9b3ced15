import { createUserInput } from '@ulms/users/contracts';
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2027-01-31');

export const userProxiesInput = z.object({ userId: z.uuid() });

/** The user `proxyUserId` becomes a proxy for the patron `patronUserId`. */
export const addProxyForInput = z.object({
  proxyUserId: z.uuid(),
  patronUserId: z.uuid(),
  /** The last day the proxy may act for the patron; none for no end. */
  expiryDate: date.nullable().optional(),
});
export type AddProxyForInput = z.output<typeof addProxyForInput>;

/** The relation's new expiry date (left out or null: no end), at the version read. */
export const updateProxyForInput = z.object({
  id: z.uuid(),
  version: z.number().int(),
  expiryDate: date.nullable().optional(),
});

export const removeProxyForInput = z.object({ id: z.uuid() });

/** A new user created as the fulfillment proxy of `sponsorUserId` (Quick User Management's "Add as Fulfillment Proxy"). */
export const createFulfillmentProxyInput = z.object({
  sponsorUserId: z.uuid(),
  user: createUserInput,
});

/** One side of a relation, as lists show it. */
export interface ProxyPartyDto {
  readonly id: string;
  readonly primaryId: string;
  readonly fullName: string;
}

/** A proxy relation: `proxy` acts for `patron`. */
export interface ProxyRelationDto {
  readonly id: string;
  readonly proxy: ProxyPartyDto;
  readonly patron: ProxyPartyDto;
  readonly expiryDate: string | null;
  /** Not past its expiry date (UTC). */
  readonly active: boolean;
  /** A fulfillment proxy's link to its sponsor (the patron): it cannot be removed. */
  readonly fulfillment: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly version: number;
}

/** A user's relations: the patrons they act for, and the proxies acting for them. */
export interface UserProxies {
  readonly proxyFor: readonly ProxyRelationDto[];
  readonly proxies: readonly ProxyRelationDto[];
}
