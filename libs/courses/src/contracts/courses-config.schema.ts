import { z } from 'zod';

/** An institution's courses module settings. */
export const coursesConfigSchema = z
  .object({
    /** Largest enrolment file an upload may carry, in bytes. */
    maxUploadBytes: z
      .number()
      .int()
      .min(1024)
      .max(20 * 1024 ** 3)
      .default(1024 ** 3),
  })
  .strict();
export type CoursesConfig = z.output<typeof coursesConfigSchema>;
