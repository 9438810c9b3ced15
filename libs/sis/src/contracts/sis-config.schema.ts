import { z } from 'zod';

/** An institution's SIS module settings. */
export const sisConfigSchema = z
  .object({
    /** Largest file an upload may carry, in bytes. */
    maxUploadBytes: z
      .number()
      .int()
      .min(1024)
      .max(20 * 1024 ** 3)
      .default(2 * 1024 ** 3),
  })
  .strict();
export type SisConfig = z.output<typeof sisConfigSchema>;
