import type { Prisma, PrismaClient } from '@prisma/client';
import { ValidationError } from '@ulms/platform';
import {
  findUserByAlmaId,
  type UserDocumentPart,
  type UserSearchService,
  type UserService,
} from '@ulms/users/contracts';
import { z } from 'zod';

/** One `proxy_for_user` as PUT and POST take it: the patron by primary identifier; `full_name` as GET shows it. */
const almaProxyFor = z
  .object({
    primary_id: z.string().trim().min(1).max(255),
    full_name: z.string().max(500).optional(),
  })
  .strict();

const pathOf = (path: readonly PropertyKey[]) =>
  ['proxy_for_user', ...path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('');

/** A patron a PUT or POST listed, resolved, with where the list named them. */
interface Patron {
  readonly id: string;
  readonly primaryId: string;
  readonly at: string;
}

/** What `prepare` hands to `write`: the patrons listed, and the primary identifiers of those acted for now. */
interface Prepared {
  readonly patrons: readonly Patron[];
  readonly current: ReadonlyMap<string, string>;
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * `proxy_for_user[]` of the Alma user document: the patrons the user acts for (the relation is held on the proxy),
 * read, and replaced by POST and PUT. A fulfillment proxy's sponsor must stay in the list.
 */
export function proxyForUserDocumentPart(deps: {
  prisma: PrismaClient;
  users: Pick<UserService, 'findByIdentifier'>;
  search: Pick<UserSearchService, 'summaries'>;
}): UserDocumentPart {
  return {
    id: 'proxies.proxy-for-user',
    field: 'proxy_for_user',
    async read({ institutionId, userId }) {
      const rows = await deps.prisma.proxyRelation.findMany({
        where: { institutionId, proxyUserId: userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      const patrons = await deps.search.summaries(
        institutionId,
        rows.map((r) => r.patronUserId),
      );
      return patrons.map((p) => ({ primary_id: p.primaryId, full_name: p.fullName }));
    },

    /** Resolves each patron by primary identifier, outside the save's transaction. */
    async prepare({ institutionId, userId }, value): Promise<Prepared> {
      const parsed = z.array(almaProxyFor).max(500).safeParse(value);
      if (!parsed.success)
        throw new ValidationError(parsed.error.issues.map((i) => ({ field: pathOf(i.path), message: i.message })));
      const patrons: Patron[] = [];
      for (const [index, entry] of parsed.data.entries()) {
        const at = (field: string) => `proxy_for_user[${index}].${field}`;
        const patron = await findUserByAlmaId(deps.users, institutionId, entry.primary_id, 'primary_id');
        if (!patron)
          throw ValidationError.of(at('primary_id'), `no user has the primary identifier "${entry.primary_id}"`);
        if (patron.recordType === 'CONTACT')
          throw ValidationError.of(at('primary_id'), 'a Contact user cannot take part in proxies');
        if (patrons.some((p) => p.id === patron.id)) throw ValidationError.of(at('primary_id'), 'is listed twice');
        if (entry.full_name !== undefined && !sameName(entry.full_name, patron.fullName))
          throw ValidationError.of(
            at('full_name'),
            `is "${patron.fullName}", the patron's name: it is not changed here`,
          );
        patrons.push({ id: patron.id, primaryId: patron.primaryId, at: at('primary_id') });
      }
      // For History: whom the user acts for before this change, by primary identifier.
      const relations = userId
        ? await deps.prisma.proxyRelation.findMany({
            where: { institutionId, proxyUserId: userId },
            select: { patronUserId: true },
          })
        : [];
      const acted = await deps.search.summaries(
        institutionId,
        relations.map((r) => r.patronUserId),
      );
      return { patrons, current: new Map(acted.map((u) => [u.id, u.primaryId])) };
    },

    /** Keeps the relations to patrons still listed (with their expiry dates), adds the others, removes the rest. */
    async write({ tx, institutionId, userId, actor, recordType }, value) {
      const { patrons, current } = value as Prepared;
      if (patrons.length > 0 && recordType === 'CONTACT')
        throw ValidationError.of('proxy_for_user', 'a Contact user cannot take part in proxies');
      const self = patrons.find((p) => p.id === userId);
      if (self) throw ValidationError.of(self.at, 'a user cannot be a proxy for themselves');
      const patronIds = patrons.map((p) => p.id);
      const client = tx as Prisma.TransactionClient;
      const existing = await client.proxyRelation.findMany({ where: { institutionId, proxyUserId: userId } });
      if (existing.some((r) => r.fulfillment && !patronIds.includes(r.patronUserId)))
        throw ValidationError.of(
          'proxy_for_user',
          'a fulfillment proxy cannot be unlinked from its sponsor: send the sponsor back as GET shows it',
        );
      const removed = existing.filter((r) => !patronIds.includes(r.patronUserId));
      await client.proxyRelation.deleteMany({
        where: { institutionId, proxyUserId: userId, patronUserId: { notIn: patronIds } },
      });
      const added = patrons.filter((p) => !existing.some((r) => r.patronUserId === p.id));
      if (added.length > 0)
        await client.proxyRelation.createMany({
          data: added.map((p) => ({ institutionId, proxyUserId: userId, patronUserId: p.id, createdBy: actor })),
        });
      return {
        history: [
          ...removed.map((r) => ({
            field: 'proxyFor' as const,
            oldValue: current.get(r.patronUserId) ?? r.patronUserId,
            newValue: null,
          })),
          ...added.map((p) => ({ field: 'proxyFor' as const, oldValue: null, newValue: p.primaryId })),
        ],
      };
    },
  };
}
