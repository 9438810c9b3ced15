import { z } from 'zod';

export const sisRunOutcomes = ['CREATED', 'UPDATED', 'UNCHANGED', 'REJECTED', 'DEACTIVATED'] as const;
export type SisRunOutcome = (typeof sisRunOutcomes)[number];

export const listSisRunsInput = z
  .object({
    profileId: z.uuid().optional(),
    limit: z.number().int().min(1).max(100).default(25),
    /** The `createdAt` of the last run of the previous page (ISO). */
    before: z.iso.datetime().optional(),
  })
  .strict();

export const sisRunIdInput = z.object({ id: z.uuid() }).strict();

export const listSisRunEntriesInput = z
  .object({
    runId: z.uuid(),
    outcome: z.enum(sisRunOutcomes).optional(),
    /** The `seq` of the last entry of the previous page. */
    after: z.number().int().min(-1).default(-1),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
