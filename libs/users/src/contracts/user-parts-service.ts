import type { z } from 'zod';
import type { PartsViewer, UserChangeActor } from './service-callers.js';
import type {
  addAttachmentInput,
  addNoteInput,
  addStatisticInput,
  attachmentUploadInput,
  AttachmentDto,
  HistoryEntryDto,
  NoteDto,
  StatisticDto,
  updateNoteInput,
} from './user-parts.schema.js';

/** The tabs of a user beside the record: notes, statistics, attachments and history. */
export interface UserPartsService {
  listNotes(viewer: PartsViewer, userId: string): Promise<NoteDto[]>;
  addNote(by: UserChangeActor, input: z.input<typeof addNoteInput>): Promise<NoteDto>;
  updateNote(by: UserChangeActor, input: z.input<typeof updateNoteInput>): Promise<NoteDto>;
  removeNote(by: UserChangeActor, userId: string, id: string): Promise<void>;
  listStatistics(viewer: PartsViewer, userId: string): Promise<StatisticDto[]>;
  addStatistic(by: UserChangeActor, input: z.input<typeof addStatisticInput>): Promise<StatisticDto>;
  removeStatistic(by: UserChangeActor, userId: string, id: string): Promise<void>;
  listAttachments(institutionId: string, userId: string): Promise<AttachmentDto[]>;
  addAttachment(by: UserChangeActor, input: z.input<typeof addAttachmentInput>): Promise<AttachmentDto>;
  /**
   * Stores a file as it arrives: held to the institution's maximum size and allowed types (sniffed from the
   * bytes) while streaming; when it fails (an AttachmentTooLargeError, a ValidationError, the client gone)
   * nothing stays stored, neither the row nor the file.
   */
  addAttachmentStream(
    by: UserChangeActor,
    input: z.input<typeof attachmentUploadInput>,
    content: AsyncIterable<Uint8Array>,
  ): Promise<AttachmentDto>;
  downloadAttachment(
    institutionId: string,
    userId: string,
    id: string,
  ): Promise<AttachmentDto & { contentBase64: string }>;
  /** One attachment with its stored bytes as a stream (opened before this resolves). */
  openAttachment(
    institutionId: string,
    userId: string,
    id: string,
  ): Promise<AttachmentDto & { content: AsyncIterable<Uint8Array> }>;
  removeAttachment(by: UserChangeActor, userId: string, id: string): Promise<void>;
  /** The user's history; entries about notes of libraries outside the viewer's scope are left out. */
  history(
    viewer: PartsViewer,
    userId: string,
    options: { field?: string; page: number; pageSize: number },
  ): Promise<{ total: number; entries: HistoryEntryDto[] }>;
}
