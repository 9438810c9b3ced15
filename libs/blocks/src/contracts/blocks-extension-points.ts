import { createExtensionPoint } from '@ulms/platform/contracts';
import type { UserSummary } from '@ulms/users/contracts';
import type { z } from 'zod';
import type { BlockEffects } from './blocks-config.schema.js';

/** The users a rule judges, with what it needs from the institution. */
export interface BlockRuleContext {
  readonly institutionId: string;
  /** Each user's own columns (group, record and account type, status, expiry date), read once for every rule. */
  readonly users: readonly UserSummary[];
  /** The rule's own settings, as the institution set them. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Today, UTC, `YYYY-MM-DD`. */
  readonly today: string;
}

/**
 * An automatic block: computes, from users' state read through other modules' contracts, the users it blocks and
 * why. Applied where its plugin is enabled and the institution's `rules` switch it on. Judge all the users in one
 * query: it runs for every page of Find and Manage Users and every check.
 */
export interface BlockRule {
  readonly id: string;
  readonly title: string;
  /** What it judges and where its parameters are set, shown on the rules configuration screen. */
  readonly description?: string;
  readonly effects: BlockEffects;
  /** The settings an institution gives it, checked when the rules are saved; none when left out. */
  readonly settingsSchema?: z.ZodType<Record<string, unknown>>;
  /** The message of each blocked user; users the rule does not block are absent. */
  blocked(context: BlockRuleContext): Promise<ReadonlyMap<string, string>>;
}

/** Extension points of the blocks module. */
export const blocksExtensionPoints = {
  rules: createExtensionPoint<BlockRule>({ id: 'blocks.rules' }),
};
