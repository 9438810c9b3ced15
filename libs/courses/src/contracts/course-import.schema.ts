import { z } from 'zod';
import { type EnrolmentField, enrolmentFieldNames } from './enrolment-fields.js';

export const courseImportOutcomes = ['ADDED', 'REJECTED', 'REMOVED'] as const;
export type CourseImportOutcome = (typeof courseImportOutcomes)[number];

/** One CSV column and the enrolment field it fills. */
export const enrolmentColumn = z
  .object({
    column: z.string().trim().min(1, 'is required').max(200),
    field: z.enum(enrolmentFieldNames as [EnrolmentField, ...EnrolmentField[]], {
      error: `is not an enrolment field (one of ${enrolmentFieldNames.join(', ')})`,
    }),
  })
  .strict();

/** The institution's CSV column mapping of enrolment files. */
export const saveImportMappingInput = z
  .object({
    delimiter: z.enum([',', ';', '\t', '|'], { error: 'is one of , ; | or a tab' }).default(','),
    columns: z
      .array(enrolmentColumn)
      .max(50)
      .superRefine((columns, ctx) => {
        const seen = new Set<string>();
        columns.forEach((c, i) => {
          if (seen.has(c.field))
            ctx.addIssue({ code: 'custom', path: [i, 'field'], message: `${c.field} is mapped twice` });
          seen.add(c.field);
        });
        for (const required of ['course_code', 'user_primary_id'] as const) {
          if (!seen.has(required)) ctx.addIssue({ code: 'custom', message: `a column must fill ${required}` });
        }
      }),
    /** The mapping's version as read: a save over a newer one is refused. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type SaveImportMappingInput = z.input<typeof saveImportMappingInput>;

export const listCourseImportsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(25),
    /** The `createdAt` of the last import of the previous page (ISO). */
    before: z.iso.datetime().optional(),
  })
  .strict();

export const courseImportIdInput = z.object({ id: z.uuid() }).strict();

export const listCourseImportEntriesInput = z
  .object({
    importId: z.uuid(),
    outcome: z.enum(courseImportOutcomes).optional(),
    /** The `seq` of the last entry of the previous page. */
    after: z.number().int().min(-1).default(-1),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
