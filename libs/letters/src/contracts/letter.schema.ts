import { z } from 'zod';
import { searchUsersInput } from '@ulms/users/contracts';

const letterTypeId = z.string().min(1).max(100);
const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'is a language code such as en or fr-CA');
/** A template's source: bounded, so a render stays bounded too. */
const templateSource = (max: number) => z.string().max(max, `is longer than ${max} characters`);

export const letterTemplateRef = z.object({ letterTypeId, language });

export const saveLetterTemplateInput = letterTemplateRef.extend({
  subject: templateSource(500).trim().min(1, 'is required'),
  html: templateSource(100_000).min(1, 'is required'),
  /** Empty for a plain text derived from the HTML. */
  text: templateSource(100_000).default(''),
  /** The version read; null when the letter used the shipped wording. A save over a newer one is refused. */
  expectedVersion: z.number().int().min(0).nullable(),
});
export type SaveLetterTemplateInput = z.output<typeof saveLetterTemplateInput>;

export const previewLetterInput = letterTemplateRef.extend({
  subject: templateSource(500),
  html: templateSource(100_000),
  text: templateSource(100_000).default(''),
  /** The user the preview is addressed to; a sample user when left out. */
  userId: z.uuid().optional(),
});

export const generalMailInput = z.object({
  userId: z.uuid(),
  subject: z.string().trim().min(1, 'is required').max(200),
  body: z.string().trim().min(1, 'is required').max(20_000),
});
export type GeneralMailInput = z.output<typeof generalMailInput>;

export const userLetterInput = z.object({ userId: z.uuid() });

export const outboxStatuses = ['QUEUED', 'SENDING', 'SENT', 'FAILED', 'HELD'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxListInput = z.object({
  status: z.enum(outboxStatuses).optional(),
  letterTypeId: letterTypeId.optional(),
  userId: z.uuid().optional(),
  /** The `nextCursor` of the page before. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type OutboxListInput = z.output<typeof outboxListInput>;

export const userLetterLogInput = outboxListInput
  .omit({ userId: true, letterTypeId: true })
  .extend({ userId: z.uuid() });

export const outboxEntryInput = z.object({ id: z.uuid() });

export const setOptOutInput = z.object({ userId: z.uuid(), letterTypeId, optedOut: z.boolean() });

/** A General mail to every user the search finds. */
export const bulkLetterInput = z.object({
  search: searchUsersInput.omit({ page: true, pageSize: true, sortBy: true, sortDirection: true, columns: true }),
  subject: generalMailInput.shape.subject,
  body: generalMailInput.shape.body,
});
export type BulkLetterInput = z.output<typeof bulkLetterInput>;
