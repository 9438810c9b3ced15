import type { UserSummary } from '@ulms/users/contracts';
import type { ProxyPartyDto, ProxyRelationDto } from '../contracts/proxy.schema.js';

/** A relation as stored. */
export interface ProxyRow {
  readonly id: string;
  readonly proxyUserId: string;
  readonly patronUserId: string;
  readonly expiryDate: Date | null;
  readonly fulfillment: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly version: number;
}

const partyOf = (user: UserSummary): ProxyPartyDto => ({
  id: user.id,
  primaryId: user.primaryId,
  fullName: user.fullName,
});

/** `YYYY-MM-DD` of a stored date. */
export const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The relation with both parties' names; active through its expiry date (`today`, UTC). */
export function toProxyDto(
  row: ProxyRow,
  usersById: ReadonlyMap<string, UserSummary>,
  today: string,
): ProxyRelationDto {
  const proxy = usersById.get(row.proxyUserId);
  const patron = usersById.get(row.patronUserId);
  const unknown = (id: string): ProxyPartyDto => ({ id, primaryId: '', fullName: '' });
  const expiryDate = dayOf(row.expiryDate);
  return {
    id: row.id,
    proxy: proxy ? partyOf(proxy) : unknown(row.proxyUserId),
    patron: patron ? partyOf(patron) : unknown(row.patronUserId),
    expiryDate,
    active: expiryDate === null || expiryDate >= today,
    fulfillment: row.fulfillment,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    version: row.version,
  };
}
