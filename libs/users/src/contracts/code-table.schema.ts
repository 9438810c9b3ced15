import { z } from 'zod';
import { codeTableNames, recordTypeCodes } from './user-codes.js';

/** One entry of a code table, as staff save it. */
export const codeTableEntryInput = z.object({
  table: z.enum(codeTableNames as [string, ...string[]]),
  code: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(60)
    .regex(/^[^\s]+$/, 'must have no spaces'),
  description: z.string().trim().min(1, 'is required').max(255),
  recordTypes: z.array(z.enum(recordTypeCodes as [string, ...string[]])).default([]),
  active: z.boolean().default(true),
});
export type CodeTableEntryInput = z.input<typeof codeTableEntryInput>;
