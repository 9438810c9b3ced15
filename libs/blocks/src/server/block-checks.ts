import {
  createServiceRef,
  type EnabledExtensions,
  NotFoundError,
  type PluginConfig,
  type SqlRunner,
} from '@ulms/platform';
import type { UserSearchService, UserService, UserSummary } from '@ulms/users/contracts';
import type { AutomaticBlockDto, BlockCheck, BlockedAction } from '../contracts/block.schema.js';
import type { BlockEffects, BlocksConfig } from '../contracts/blocks-config.schema.js';
import { blocksExtensionPoints } from '../contracts/blocks-extension-points.js';
import type { BlockChecker } from '../contracts/blocks-services.js';
import { utcToday } from './utc-today.js';

const effectOf: Readonly<Record<BlockedAction, keyof BlockEffects>> = {
  borrow: 'borrowing',
  renew: 'renewals',
  request: 'requests',
};

// Prepared once per connection: the (institution, user) index serves it whatever the users.
const ACTIVE_MANUAL = `SELECT "userId", "typeCode", description FROM "UserBlock"
  WHERE "institutionId" = $1::uuid AND "userId" = ANY($2::uuid[]) AND ("expiryDate" IS NULL OR "expiryDate" >= $3::date)`;

/** Blocks computed on demand: the manual ones not past their expiry date, and the enabled rules' ones. */
export function createBlockChecks(deps: {
  sql: SqlRunner;
  users: Pick<UserService, 'requireExisting'>;
  search: Pick<UserSearchService, 'summaries'>;
  config: PluginConfig<BlocksConfig>;
  extensions: EnabledExtensions;
}) {
  /** The rules the institution switched on, with their settings, among those of its enabled plugins. */
  const enabledRules = async (institutionId: string, config: BlocksConfig) => {
    const rules = await deps.extensions.for(blocksExtensionPoints.rules, institutionId);
    return config.rules.flatMap((setting) => {
      const rule = setting.enabled ? rules.find((r) => r.id === setting.id) : undefined;
      return rule ? [{ rule, settings: setting.settings }] : [];
    });
  };

  /**
   * The automatic blocks of each of `userIds` (absent: none), each rule judging all of them at once, and the users
   * read for the rules (none when no rule is on).
   */
  const automaticAmong = async (institutionId: string, userIds: readonly string[]) => {
    const config = await deps.config.for(institutionId);
    const rules = await enabledRules(institutionId, config);
    const found = new Map<string, AutomaticBlockDto[]>();
    if (rules.length === 0 || userIds.length === 0) return { found, users: null };
    const users = await deps.search.summaries(institutionId, userIds);
    const today = utcToday();
    const verdicts = await Promise.all(
      rules.map(({ rule, settings }) => rule.blocked({ institutionId, users, settings, today })),
    );
    rules.forEach(({ rule }, index) => {
      for (const [userId, message] of verdicts[index] ?? []) {
        found.set(userId, [...(found.get(userId) ?? []), { ruleId: rule.id, message, effects: rule.effects }]);
      }
    });
    return { found, users };
  };

  /** Throws NotFoundError unless the user exists, using the rules' read when there was one. */
  const requireUser = async (institutionId: string, userId: string, read: readonly UserSummary[] | null) => {
    if (read === null) await deps.users.requireExisting(institutionId, userId);
    else if (!read.some((user) => user.id === userId)) throw new NotFoundError('user');
  };

  /** The manual blocks of `userIds` active today (through their expiry date), with their types' effects. */
  const activeManual = async (institutionId: string, userIds: readonly string[]) => {
    const [rows, config] = await Promise.all([
      userIds.length === 0
        ? Promise.resolve([])
        : deps.sql.query<{ userId: string; typeCode: string; description: string | null }>(
            ACTIVE_MANUAL,
            [institutionId, [...new Set(userIds)], utcToday()],
            { name: 'blocks.activeManual' },
          ),
      deps.config.for(institutionId),
    ]);
    return rows.map((row) => {
      const type = config.blockTypes.find((t) => t.code === row.typeCode);
      return {
        userId: row.userId,
        message: row.description ?? type?.description ?? row.typeCode,
        effects: type?.effects ?? { borrowing: false, renewals: false, requests: false },
      };
    });
  };

  const checker: BlockChecker = {
    async check(institutionId, userId, action) {
      const [manual, automatic] = await Promise.all([
        activeManual(institutionId, [userId]),
        automaticAmong(institutionId, [userId]),
      ]);
      await requireUser(institutionId, userId, automatic.users);
      const effect = effectOf[action];
      const reasons = [...manual, ...(automatic.found.get(userId) ?? [])]
        .filter((b) => b.effects[effect])
        .map((b) => b.message);
      return { blocked: reasons.length > 0, reasons } satisfies BlockCheck;
    },
    async blockedAmong(institutionId, userIds) {
      const [manual, automatic] = await Promise.all([
        activeManual(institutionId, userIds),
        automaticAmong(institutionId, userIds),
      ]);
      return new Set([...manual.map((b) => b.userId), ...automatic.found.keys()]);
    },
  };

  return {
    ...checker,
    /** The automatic blocks of one user now. */
    async automaticFor(institutionId: string, userId: string): Promise<AutomaticBlockDto[]> {
      return (await automaticAmong(institutionId, [userId])).found.get(userId) ?? [];
    },
  };
}
export type BlockChecks = ReturnType<typeof createBlockChecks>;

/** One instance behind both the contracts' checker and the module's own operations. */
export const blockChecksRef = createServiceRef<BlockChecks>({ id: 'blocks.checks' });
