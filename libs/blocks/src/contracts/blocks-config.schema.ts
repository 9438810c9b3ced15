import { z } from 'zod';

const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{1,40}$/, 'upper-case letters, digits and _ (at most 40)');

/** What a block stops the user from doing. */
export const blockEffects = z.object({
  borrowing: z.boolean().default(true),
  renewals: z.boolean().default(true),
  requests: z.boolean().default(true),
});
export type BlockEffects = z.output<typeof blockEffects>;

/** A block type of the institution's code table, with what blocks of it stop. */
export const blockTypeConfig = z.object({
  code,
  description: z.string().trim().min(1).max(200),
  effects: blockEffects.prefault({}),
});
export type BlockTypeConfig = z.output<typeof blockTypeConfig>;

/** An automatic-block rule as an institution sets it: on or off, and its own settings. */
export const blockRuleSetting = z.object({
  id: z.string().min(1).max(100),
  enabled: z.boolean().default(true),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export const blocksConfigSchema = z.object({
  blockTypes: z
    .array(blockTypeConfig)
    .max(200)
    .default([
      { code: 'GENERAL', description: 'General block', effects: { borrowing: true, renewals: true, requests: true } },
      { code: 'LOST_CARD', description: 'Lost card', effects: { borrowing: true, renewals: false, requests: true } },
      {
        code: 'OVERDUE_ITEMS',
        description: 'Overdue items',
        effects: { borrowing: true, renewals: true, requests: false },
      },
    ])
    .meta({ title: 'Block types' }),
  rules: z
    .array(blockRuleSetting)
    .max(100)
    .default([
      { id: 'blocks.debt-limit', enabled: true, settings: {} },
      { id: 'blocks.expired-user', enabled: true, settings: {} },
    ])
    .meta({ title: 'Automatic block rules' }),
});
export type BlocksConfig = z.output<typeof blocksConfigSchema>;
