import type { Prisma, PrismaClient } from '@prisma/client';
import {
  ConflictError,
  createServiceRef,
  type EventBus,
  isUniqueViolation,
  NotFoundError,
  parseInput,
  type Transactions,
  ValidationError,
} from '@ulms/platform';
import {
  isoToday,
  type SaveUserResult,
  type UserChangeActor,
  type UserSearchService,
  type UserService,
  type UserSummary,
  usersEvents,
} from '@ulms/users/contracts';
import {
  addProxyForInput,
  createFulfillmentProxyInput,
  type ProxyRelationDto,
  removeProxyForInput,
  updateProxyForInput,
  type UserProxies,
  userProxiesInput,
} from '../contracts/proxy.schema.js';
import { proxiesEvents } from '../contracts/proxies-events.js';
import { type ProxyRow, toProxyDto } from './proxy.mapper.js';

const LIST_LIMIT = 500;
const dateOf = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Proxy For relations (each change by a `UserChangeActor`, as the users service takes it): list, add, change the expiry date, remove; and a new user made a fulfillment proxy. */
export function createProxyOperations(deps: {
  prisma: PrismaClient;
  transactions: Transactions;
  /** The fulfillment proxy's `proxy.added`, raised once the users service has committed the new user. */
  events: EventBus;
  users: UserService;
  /** The parties' names and types: their list rows, not whole records. */
  search: Pick<UserSearchService, 'summaries'>;
}) {
  const dtos = async (institutionId: string, rows: readonly ProxyRow[]): Promise<ProxyRelationDto[]> => {
    const ids = [...new Set(rows.flatMap((r) => [r.proxyUserId, r.patronUserId]))];
    const users = await deps.search.summaries(institutionId, ids);
    const byId = new Map(users.map((u) => [u.id, u]));
    const today = isoToday();
    return rows.map((row) => toProxyDto(row, byId, today));
  };

  /** A party of a relation: a user of the institution who is not a Contact. */
  const party = async (institutionId: string, userId: string, field: string): Promise<UserSummary> => {
    const [user] = await deps.search.summaries(institutionId, [userId]);
    if (!user) throw new NotFoundError('user');
    if (user.recordType === 'CONTACT') throw ValidationError.of(field, 'a Contact user cannot take part in proxies');
    return user;
  };

  const touchedProxy = (
    by: UserChangeActor,
    proxyUserId: string,
    oldValue: string | null,
    newValue: string | null,
  ) => ({
    institutionId: by.institutionId,
    userId: proxyUserId,
    actor: by.actor,
    reason: 'proxies',
    history: { field: 'proxyFor' as const, oldValue, newValue },
  });

  const find = async (by: UserChangeActor, id: string) => {
    const row = await deps.prisma.proxyRelation.findFirst({ where: { id, institutionId: by.institutionId } });
    if (!row) throw new NotFoundError('proxy relation');
    return row;
  };

  return {
    /** The patrons the user acts for, and the proxies acting for the user. */
    async list(by: UserChangeActor, raw: unknown): Promise<UserProxies> {
      const { userId } = parseInput(userProxiesInput, raw);
      await deps.users.requireExisting(by.institutionId, userId);
      const order = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
      const [proxyFor, proxies] = await Promise.all([
        deps.prisma.proxyRelation.findMany({
          where: { institutionId: by.institutionId, proxyUserId: userId },
          orderBy: order,
          take: LIST_LIMIT,
        }),
        deps.prisma.proxyRelation.findMany({
          where: { institutionId: by.institutionId, patronUserId: userId },
          orderBy: order,
          take: LIST_LIMIT,
        }),
      ]);
      const all = await dtos(by.institutionId, [...proxyFor, ...proxies]);
      return { proxyFor: all.slice(0, proxyFor.length), proxies: all.slice(proxyFor.length) };
    },

    /** Makes `proxyUserId` a proxy for `patronUserId`; recorded in the proxy's History ("proxy for"). */
    async add(by: UserChangeActor, raw: unknown): Promise<ProxyRelationDto> {
      const input = parseInput(addProxyForInput, raw);
      const [proxy, patron] = await Promise.all([
        party(by.institutionId, input.proxyUserId, 'proxyUserId'),
        party(by.institutionId, input.patronUserId, 'patronUserId'),
      ]);
      if (proxy.id === patron.id) throw ValidationError.of('patronUserId', 'a user cannot be a proxy for themselves');
      const already = `${proxy.fullName} is already a proxy for ${patron.fullName}`;
      try {
        const row = await deps.transactions.run(async ({ tx, raise }) => {
          const created = await tx.proxyRelation.create({
            data: {
              institutionId: by.institutionId,
              proxyUserId: proxy.id,
              patronUserId: patron.id,
              expiryDate: dateOf(input.expiryDate),
              createdBy: by.actor,
            },
          });
          raise(usersEvents.userTouched, touchedProxy(by, proxy.id, null, patron.primaryId));
          raise(proxiesEvents.proxyAdded, {
            institutionId: by.institutionId,
            proxyUserId: proxy.id,
            patronUserId: patron.id,
            fulfillment: false,
            actor: by.actor,
          });
          return created;
        });
        return toProxyDto(row, new Map([proxy, patron].map((u) => [u.id, u])), isoToday());
      } catch (error) {
        if (isUniqueViolation(error)) throw ValidationError.of('patronUserId', already);
        throw error;
      }
    },

    /** Changes a relation's expiry date at the version the caller read. A fulfillment proxy's link has none. */
    async update(by: UserChangeActor, raw: unknown): Promise<ProxyRelationDto> {
      const input = parseInput(updateProxyForInput, raw);
      const before = await find(by, input.id);
      if (before.fulfillment && input.expiryDate)
        throw ValidationError.of('expiryDate', "a fulfillment proxy's link to its sponsor does not expire");
      const row = await deps.transactions.run(async ({ tx }) => {
        const { count } = await tx.proxyRelation.updateMany({
          where: { id: before.id, version: input.version },
          data: { expiryDate: dateOf(input.expiryDate), version: { increment: 1 } },
        });
        if (count === 0) throw new ConflictError('the relation was changed meanwhile: read it again');
        return tx.proxyRelation.findUniqueOrThrow({ where: { id: before.id } });
      });
      return (await dtos(by.institutionId, [row]))[0] as ProxyRelationDto;
    },

    async remove(by: UserChangeActor, raw: unknown): Promise<void> {
      const input = parseInput(removeProxyForInput, raw);
      const before = await find(by, input.id);
      if (before.fulfillment) throw new ConflictError('a fulfillment proxy cannot be unlinked from its sponsor');
      const [patron] = await deps.search.summaries(by.institutionId, [before.patronUserId]);
      await deps.transactions.run(async ({ tx, raise }) => {
        const { count } = await tx.proxyRelation.deleteMany({ where: { id: before.id } });
        if (count === 0) throw new NotFoundError('proxy relation');
        raise(usersEvents.userTouched, touchedProxy(by, before.proxyUserId, patron?.primaryId ?? null, null));
      });
    },

    /**
     * Creates a user as the fulfillment proxy of a sponsor: the record and its link in one transaction, so a
     * failure leaves neither. A possible duplicate comes back unsaved, as creating any user does.
     */
    async createFulfillmentProxy(by: UserChangeActor, raw: unknown): Promise<SaveUserResult> {
      const input = parseInput(createFulfillmentProxyInput, raw);
      if (input.user.recordType === 'CONTACT')
        throw ValidationError.of('user.recordType', 'a Contact user cannot take part in proxies');
      const sponsor = await party(by.institutionId, input.sponsorUserId, 'sponsorUserId');
      const link = {
        id: 'proxies.fulfillment-sponsor',
        field: 'fulfillment_sponsor',
        read: async () => null,
        write: async (context: { tx: unknown; institutionId: string; userId: string; actor: string }) => {
          await (context.tx as Prisma.TransactionClient).proxyRelation.create({
            data: {
              institutionId: context.institutionId,
              proxyUserId: context.userId,
              patronUserId: sponsor.id,
              fulfillment: true,
              createdBy: context.actor,
            },
          });
          return { history: [{ field: 'proxyFor' as const, oldValue: null, newValue: sponsor.primaryId }] };
        },
      };
      const result = await deps.users.create(by, input.user, {
        parts: {
          visibleLibraryIds: by.caller?.visibleLibraryIds ?? null,
          documentParts: [{ part: link, value: null }],
        },
      });
      if (result.status === 'saved') {
        const added = { institutionId: by.institutionId, proxyUserId: result.user.id, patronUserId: sponsor.id };
        await deps.events.deliver([
          { name: proxiesEvents.proxyAdded.name, payload: { ...added, fulfillment: true, actor: by.actor } },
        ]);
      }
      return result;
    },
  };
}
export type ProxyOperations = ReturnType<typeof createProxyOperations>;

/** The module's own service behind its procedures; other modules use `proxiesServices` from the contracts. */
export const proxyOperationsRef = createServiceRef<ProxyOperations>({ id: 'proxies.operations' });
