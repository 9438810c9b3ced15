import { useMutation, useQuery } from '@tanstack/react-query';
import { type ColumnDef, ConfirmDialog, DataTable, useToast } from '@ulms/ui';
import { type NoteDto, noteTypes, type UserDto } from '@ulms/users/contracts';
import { useMemo, useState } from 'react';
import { CreatedCell, SegmentBadge } from '../shared/created-cell.js';
import { labelOf } from '../shared/options.js';
import { useOwnerLibraries } from '../shared/use-owner-libraries.js';
import { useUsersTrpc } from '../users-admin-context.js';
import { NoteDialog } from './note-dialog.js';
import { useRefreshUser } from './use-refresh-user.js';

const yes = (value: boolean) =>
  value ? <span className="badge badge--on">Yes</span> : <span className="muted">No</span>;

function noteColumns(withOwner: boolean): ColumnDef<NoteDto>[] {
  return [
    {
      id: 'text',
      header: 'Note',
      enableHiding: false,
      cell: ({ row }) => <span className="users-note-text">{row.original.text}</span>,
    },
    { id: 'noteType', header: 'Type', cell: ({ row }) => labelOf(noteTypes, row.original.noteType) },
    ...(withOwner
      ? [
          {
            id: 'owner',
            header: 'Owner',
            cell: ({ row }) => row.original.ownerLibrary ?? <span className="muted">Institution</span>,
          } satisfies ColumnDef<NoteDto>,
        ]
      : []),
    { id: 'popUp', header: 'Pop-up', cell: ({ row }) => yes(row.original.popUp) },
    { id: 'userViewable', header: 'User viewable', cell: ({ row }) => yes(row.original.userViewable) },
    { id: 'segment', header: 'Source', cell: ({ row }) => <SegmentBadge segmentType={row.original.segmentType} /> },
    {
      id: 'created',
      header: 'Created',
      cell: ({ row }) => <CreatedCell by={row.original.createdBy} at={row.original.createdAt} />,
    },
  ];
}

/** Notes: free text for staff (and, when user viewable, the user), newest first. */
export function NotesTab({ user, canEdit }: { readonly user: UserDto; readonly canEdit: boolean }) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const owners = useOwnerLibraries();
  const refresh = useRefreshUser(user.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<NoteDto | null>(null);
  const [removing, setRemoving] = useState<NoteDto | null>(null);
  const notes = useQuery(trpc.users.notes.list.queryOptions({ userId: user.id }));
  const columns = useMemo(() => noteColumns(owners.enabled), [owners.enabled]);
  const remove = useMutation(
    trpc.users.notes.remove.mutationOptions({
      onSuccess: async () => {
        toast.show('Note removed.', 'success');
        setRemoving(null);
        await refresh();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  const mayChange = (note: NoteDto) => canEdit && !(user.accountType === 'EXTERNAL' && note.segmentType === 'EXTERNAL');

  return (
    <section className="users-part" aria-labelledby="users-notes-title">
      <div className="users-section-header">
        <h2 id="users-notes-title">Notes</h2>
        {canEdit ? (
          <button type="button" className="ui-button ui-button--small" onClick={() => setAdding(true)}>
            Add note
          </button>
        ) : null}
      </div>
      {notes.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the notes: {notes.error.message}
        </p>
      ) : (
        <DataTable
          caption="Notes"
          rows={notes.data ?? []}
          columns={columns}
          getRowId={(note) => note.id}
          loading={notes.isPending}
          emptyMessage="No notes."
          rowActions={(note) =>
            mayChange(note) ? (
              <>
                <button
                  type="button"
                  className="ui-button ui-button--small"
                  aria-label={`Edit note “${note.text.slice(0, 40)}”`}
                  onClick={() => setEditing(note)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="ui-button ui-button--small"
                  aria-label={`Remove note “${note.text.slice(0, 40)}”`}
                  onClick={() => setRemoving(note)}
                >
                  Remove
                </button>
              </>
            ) : null
          }
        />
      )}
      {adding ? <NoteDialog user={user} owners={owners} onSaved={refresh} onClose={() => setAdding(false)} /> : null}
      {editing ? (
        <NoteDialog
          key={editing.id}
          user={user}
          owners={owners}
          note={editing}
          onSaved={refresh}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this note?"
        message={<p className="users-note-text">{removing?.text}</p>}
        confirmLabel="Remove note"
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ userId: user.id, id: removing.id })}
      />
    </section>
  );
}
