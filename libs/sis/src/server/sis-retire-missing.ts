import type { ExternalRetirement } from '@ulms/users/contracts';
import type { MissingUsersPolicy } from '../contracts/sis-profile.schema.js';
import type { BatchContext } from './sis-load.batch.js';

const PAGE = 500;

const day = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The change the policy makes to a missing user. */
export function retirementOf(policy: MissingUsersPolicy, today: Date): ExternalRetirement {
  if (policy.action === 'DEACTIVATE') return { status: 'INACTIVE' };
  return {
    expiryDate: day(today, policy.expireAfterDays),
    ...(policy.purgeAfterDays !== null && policy.purgeAfterDays !== undefined
      ? { purgeDate: day(today, policy.purgeAfterDays) }
      : {}),
  };
}

/**
 * A full load's last step: the profile's users the file no longer holds get the missing-users policy, page by
 * page, each page committed with its entries (a restarted run finds the users it retired unchanged).
 */
export async function retireMissing(
  ctx: BatchContext,
  input: { total: number; policy: MissingUsersPolicy; today: Date; signal: AbortSignal },
): Promise<void> {
  const retirement = retirementOf(input.policy, input.today);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    input.signal.throwIfAborted();
    const missing = await ctx.prisma.sisUserState.findMany({
      where: {
        profileId: ctx.profileId,
        userId: { gt: after },
        ...(ctx.dryRun ? {} : { lastRunId: { not: ctx.runId } }),
      },
      orderBy: { userId: 'asc' },
      take: PAGE,
      select: { userId: true },
    });
    const last = missing.at(-1);
    if (!last) return;
    after = last.userId;
    const userIds = missing.map((m) => m.userId).filter((id) => !ctx.seen.has(id));
    const plan = await ctx.externalLoad.planRetirement(ctx.by, userIds, ctx.options.owner, retirement);
    if (plan.outcomes.length === 0) continue;
    const record = async (tx: Parameters<Parameters<typeof ctx.prisma.$transaction>[0]>[0]) => {
      const run = await tx.sisRun.findUniqueOrThrow({ where: { id: ctx.runId }, select: { deactivated: true } });
      await tx.sisRunEntry.createMany({
        data: plan.outcomes.map((o, index) => ({
          runId: ctx.runId,
          seq: input.total + run.deactivated + index,
          institutionId: ctx.institutionId,
          outcome: 'DEACTIVATED',
          primaryId: o.primaryId,
          userId: o.userId,
          changes: o.changes as never,
          errors: [],
        })),
      });
      await tx.sisRun.update({ where: { id: ctx.runId }, data: { deactivated: { increment: plan.outcomes.length } } });
    };
    if (ctx.dryRun) await ctx.prisma.$transaction(record);
    else
      await ctx.transactions.run(async ({ tx, raise }) => {
        await ctx.externalLoad.apply(plan, { tx, raise });
        await record(tx);
      });
  }
}
