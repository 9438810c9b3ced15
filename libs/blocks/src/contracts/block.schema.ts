import { z } from 'zod';
import type { BlockEffects } from './blocks-config.schema.js';

const text = z.string().max(255);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2027-01-31');

export const userBlocksInput = z.object({ userId: z.uuid() });

export const addBlockInput = z.object({
  userId: z.uuid(),
  type: text,
  description: z.string().max(2000).optional(),
  note: z.string().max(2000).optional(),
  /** The last day the block is active; none for a block without end. */
  expiryDate: date.nullable().optional(),
  /** A library's code (library independence); the institution when left out. */
  ownerLibrary: text.optional(),
  /** Replaced by the SIS (only for an external user). */
  external: z.boolean().optional(),
});
export type AddBlockInput = z.output<typeof addBlockInput>;

export const updateBlockInput = addBlockInput
  .omit({ userId: true })
  .extend({ id: z.uuid(), version: z.number().int() });
export type UpdateBlockInput = z.output<typeof updateBlockInput>;

export const removeBlockInput = z.object({ id: z.uuid() });

export const BLOCKED_ACTIONS = ['borrow', 'renew', 'request'] as const;
export type BlockedAction = (typeof BLOCKED_ACTIONS)[number];
export const checkBlocksInput = z.object({ userId: z.uuid(), action: z.enum(BLOCKED_ACTIONS) });

/** A block staff put on a user, as shown. */
export interface BlockDto {
  readonly id: string;
  readonly userId: string;
  readonly type: string;
  readonly description: string | null;
  readonly note: string | null;
  readonly expiryDate: string | null;
  readonly ownerLibrary: string | null;
  readonly external: boolean;
  /** Not yet past its expiry date (UTC). */
  readonly active: boolean;
  readonly effects: BlockEffects;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly version: number;
}

/** A block a rule computed from the user's state: never stored, always current. */
export interface AutomaticBlockDto {
  readonly ruleId: string;
  readonly message: string;
  readonly effects: BlockEffects;
}

export interface UserBlocks {
  readonly manual: readonly BlockDto[];
  readonly automatic: readonly AutomaticBlockDto[];
}

/** Whether an action is blocked for a user, and why. */
export interface BlockCheck {
  readonly blocked: boolean;
  readonly reasons: readonly string[];
}

/** An automatic-block rule the institution can use (its plugin enabled), as the institution set it. */
export interface BlockRuleDto {
  readonly id: string;
  readonly title: string;
  /** What the rule judges and where its parameters are set, for the configuration screen. */
  readonly description: string | null;
  readonly effects: BlockEffects;
  readonly enabled: boolean;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The JSON Schema of the rule's settings (an object), or null when it takes none. */
  readonly settingsSchema: Readonly<Record<string, unknown>> | null;
}

export const configureBlockRulesInput = z.object({
  rules: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        enabled: z.boolean(),
        settings: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .max(100),
});
export type ConfigureBlockRulesInput = z.output<typeof configureBlockRulesInput>;
