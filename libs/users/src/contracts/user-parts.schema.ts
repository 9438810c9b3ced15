import { z } from 'zod';
import { noteTypes, segmentTypes } from './user-codes.js';
import type { UserDocumentPart } from './users-extension-points.js';

const segmentType = z.enum(Object.keys(segmentTypes) as [string, ...string[]]).default('INTERNAL');

export const addNoteInput = z.object({
  userId: z.uuid(),
  noteType: z.enum(Object.keys(noteTypes) as [string, ...string[]]).default('GENERAL'),
  text: z.string().trim().min(1, 'is required').max(4000),
  ownerLibrary: z.string().nullish(),
  popUp: z.boolean().default(false),
  userViewable: z.boolean().default(false),
  /** For an external user: add it as external data (replaced by the next SIS synchronisation). */
  segmentType,
});

/** A note changed in place: its text, type, owner and flags; where it came from (segment) stays as it is. */
export const updateNoteInput = addNoteInput.omit({ segmentType: true }).extend({ id: z.uuid() });
export type UpdateNoteInput = z.input<typeof updateNoteInput>;

export const addStatisticInput = z.object({
  userId: z.uuid(),
  categoryType: z.string().min(1, 'is required'),
  category: z.string().min(1, 'is required'),
  note: z.string().trim().max(1000).nullish(),
  ownerLibrary: z.string().nullish(),
  segmentType,
});

/** A note as a whole-record save carries it (the REST API's `user_note`): no owner library, no id. */
export const noteFieldsInput = addNoteInput.omit({
  userId: true,
  ownerLibrary: true,
});
export type NoteFields = z.input<typeof noteFieldsInput>;

/** A statistic as a whole-record save carries it (the REST API's `user_statistic`). */
export const statisticFieldsInput = addStatisticInput.omit({
  userId: true,
  ownerLibrary: true,
});
export type StatisticFields = z.input<typeof statisticFieldsInput>;

/**
 * Notes and statistics that replace a user's own ("swap all"), each list only when given. Rows owned by a
 * library outside `visibleLibraryIds` (null: every library) are neither seen nor touched.
 */
/** The most notes and statistics one save may carry. */
export const maxNotesPerSave = 500;
export const maxStatisticsPerSave = 200;

export interface UserPartsReplacement {
  readonly notes?: readonly NoteFields[];
  readonly statistics?: readonly StatisticFields[];
  readonly visibleLibraryIds: readonly string[] | null;
  /** Other modules' parts of the document, each written by the part that takes it. */
  readonly documentParts?: readonly {
    part: UserDocumentPart;
    value: unknown;
  }[];
}

export const addAttachmentInput = z.object({
  userId: z.uuid(),
  fileName: z.string().trim().min(1, 'is required').max(255),
  /** The file, base64-encoded. */
  contentBase64: z.string().min(1, 'is required'),
  note: z.string().trim().max(1000).nullish(),
});

/** An upload's description beside the file it streams (`POST /files/users/{userId}/attachments`). */
export const attachmentUploadInput = addAttachmentInput.omit({
  contentBase64: true,
});

export const userPartInput = z.object({ userId: z.uuid(), id: z.uuid() });
export const userPartsInput = z.object({ userId: z.uuid() });

export interface NoteDto {
  readonly id: string;
  readonly noteType: string;
  readonly text: string;
  readonly ownerLibrary: string | null;
  readonly popUp: boolean;
  readonly userViewable: boolean;
  readonly segmentType: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface StatisticDto {
  readonly id: string;
  readonly categoryType: string;
  readonly category: string;
  readonly note: string | null;
  readonly ownerLibrary: string | null;
  readonly segmentType: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface AttachmentDto {
  readonly id: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
  readonly note: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface HistoryEntryDto {
  readonly id: string;
  readonly field: string;
  readonly fieldLabel: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly actorKind: string;
  readonly actor: string;
  readonly at: Date;
}

/** Delete answers with every reason that stops it, so the app can show them all at once. */
export type DeleteUserResult =
  | { readonly deleted: true }
  | { readonly deleted: false; readonly reasons: readonly string[] };
