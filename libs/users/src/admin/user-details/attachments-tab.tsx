import { useMutation, useQuery } from '@tanstack/react-query';
import { type ColumnDef, ConfirmDialog, DataTable, useToast } from '@ulms/ui';
import type { AttachmentDto, UserDto } from '@ulms/users/contracts';
import { useState } from 'react';
import { attachmentDownloadUrl, formatSize } from '../shared/attachment-files.js';
import { CreatedCell } from '../shared/created-cell.js';
import { useUsersTrpc } from '../users-admin-context.js';
import { AttachmentDialog } from './attachment-dialog.js';
import { useRefreshUser } from './use-refresh-user.js';

const columns: ColumnDef<AttachmentDto>[] = [
  {
    id: 'fileName',
    header: 'File',
    enableHiding: false,
    cell: ({ row }) => row.original.fileName,
  },
  {
    id: 'mimeType',
    header: 'Type',
    cell: ({ row }) => <code>{row.original.mimeType}</code>,
  },
  {
    id: 'size',
    header: 'Size',
    cell: ({ row }) => formatSize(row.original.size),
  },
  {
    id: 'note',
    header: 'Note',
    cell: ({ row }) => row.original.note ?? <span className="muted">—</span>,
  },
  {
    id: 'created',
    header: 'Uploaded',
    cell: ({ row }) => <CreatedCell by={row.original.createdBy} at={row.original.createdAt} />,
  },
];

/** Attachments: files kept with the user, such as signed forms; downloaded as they were uploaded. */
export function AttachmentsTab({ user, canEdit }: { readonly user: UserDto; readonly canEdit: boolean }) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const refresh = useRefreshUser(user.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AttachmentDto | null>(null);
  const attachments = useQuery(trpc.users.attachments.list.queryOptions({ userId: user.id }));
  const remove = useMutation(
    trpc.users.attachments.remove.mutationOptions({
      onSuccess: async () => {
        toast.show(`${removing?.fileName ?? 'Attachment'} removed.`, 'success');
        setRemoving(null);
        await refresh();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <section className="users-part" aria-labelledby="users-attachments-title">
      <div className="users-section-header">
        <h2 id="users-attachments-title">Attachments</h2>
        {canEdit ? (
          <button type="button" className="ui-button ui-button--small" onClick={() => setAdding(true)}>
            Upload attachment
          </button>
        ) : null}
      </div>
      {attachments.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the attachments: {attachments.error.message}
        </p>
      ) : (
        <DataTable
          caption="Attachments"
          rows={attachments.data ?? []}
          columns={columns}
          getRowId={(attachment) => attachment.id}
          loading={attachments.isPending}
          emptyMessage="No attachments."
          rowActions={(attachment) => (
            <>
              {/* Streamed by the server straight to the browser's downloads, under the file's own name. */}
              <a
                className="ui-button ui-button--small"
                href={attachmentDownloadUrl(user.id, attachment.id)}
                download={attachment.fileName}
                aria-label={`Download ${attachment.fileName}`}
              >
                Download
              </a>
              {canEdit ? (
                <button
                  type="button"
                  className="ui-button ui-button--small"
                  aria-label={`Remove ${attachment.fileName}`}
                  onClick={() => setRemoving(attachment)}
                >
                  Remove
                </button>
              ) : null}
            </>
          )}
        />
      )}
      {adding ? <AttachmentDialog userId={user.id} onAdded={refresh} onClose={() => setAdding(false)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.fileName ?? 'the attachment'}?`}
        message={<p>The file is deleted and cannot be downloaded again.</p>}
        confirmLabel="Remove attachment"
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ userId: user.id, id: removing.id })}
      />
    </section>
  );
}
