import { NotFoundError, parseInput } from '@ulms/platform';
import type { UserPartsService } from '../contracts/user-parts-service.js';
import { addNoteInput, type NoteDto, updateNoteInput } from '../contracts/user-parts.schema.js';
import { noteSelect, onlyNotes } from './owned-lists.js';
import { recordPartChange } from './user-part-change.writer.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import type { UserPartsReader } from './user-parts.reader.js';
import { checkOwnerInScope, checkSegment, ownedPartOf } from './user-parts.rules.js';

/** A user's notes: listed in the viewer's library scope, added, changed and removed with a History entry each. */
export function createUserNotesOperations(
  deps: Pick<UserPartsServiceDeps, 'transactions'> & { reader: UserPartsReader },
): Pick<UserPartsService, 'listNotes' | 'addNote' | 'updateNote' | 'removeNote'> {
  const { transactions } = deps;
  const { userOf, ownerLibraryId, listOwned, withOwnerCode } = deps.reader;
  return {
    listNotes: async (viewer, userId) => (await listOwned(viewer, userId, onlyNotes)).notes as NoteDto[],
    async addNote(by, input) {
      const note = parseInput(addNoteInput, input);
      const user = await userOf(by.institutionId, note.userId);
      checkSegment(user.accountType, note.segmentType);
      const ownerId = await ownerLibraryId(by.institutionId, note.ownerLibrary);
      checkOwnerInScope(by, ownerId);
      const row = await transactions.run(async ({ tx }) => {
        const created = await tx.userNote.create({
          data: {
            institutionId: by.institutionId,
            userId: user.id,
            noteType: note.noteType,
            text: note.text,
            ownerLibraryId: ownerId,
            popUp: note.popUp,
            userViewable: note.userViewable,
            segmentType: note.segmentType,
            createdBy: by.actor,
          },
          select: noteSelect,
        });
        await recordPartChange(tx, by, user.id, {
          field: 'notes',
          oldValue: null,
          newValue: note.text,
          ownerLibraryId: ownerId,
        });
        return created;
      });
      return (await withOwnerCode(by.institutionId, row)) as NoteDto;
    },
    async updateNote(by, input) {
      const change = parseInput(updateNoteInput, input);
      await userOf(by.institutionId, change.userId);
      const ownerId = await ownerLibraryId(by.institutionId, change.ownerLibrary);
      checkOwnerInScope(by, ownerId);
      const row = await transactions.run(async ({ tx }) => {
        // A note of a library outside the caller's scope is as unknown as one of another institution.
        const note = await tx.userNote.findFirst({
          where: ownedPartOf(by, change.userId, change.id),
          select: { text: true },
        });
        if (!note) throw new NotFoundError('note');
        const updated = await tx.userNote.update({
          where: { id: change.id },
          data: {
            noteType: change.noteType,
            text: change.text,
            ownerLibraryId: ownerId,
            popUp: change.popUp,
            userViewable: change.userViewable,
          },
          select: noteSelect,
        });
        await recordPartChange(tx, by, change.userId, {
          field: 'notes',
          oldValue: note.text,
          newValue: change.text,
          ownerLibraryId: ownerId,
        });
        return updated;
      });
      return (await withOwnerCode(by.institutionId, row)) as NoteDto;
    },
    async removeNote(by, userId, id) {
      await userOf(by.institutionId, userId);
      await transactions.run(async ({ tx }) => {
        const note = await tx.userNote.findFirst({
          where: ownedPartOf(by, userId, id),
          select: { text: true, ownerLibraryId: true },
        });
        if (!note) throw new NotFoundError('note');
        await tx.userNote.delete({ where: { id } });
        await recordPartChange(tx, by, userId, {
          field: 'notes',
          oldValue: note.text,
          newValue: null,
          ownerLibraryId: note.ownerLibraryId,
        });
      });
    },
  };
}
