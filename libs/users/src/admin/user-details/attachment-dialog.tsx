import { useMutation, useQuery } from '@tanstack/react-query';
import { Dialog, fieldErrorsOf, FormDialogActions, FormError, formMessageOf, TextAreaField, useToast } from '@ulms/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatSize, uploadAttachment } from '../shared/attachment-files.js';
import { useUsersTrpc } from '../users-admin-context.js';

const attachmentFields = ['file', 'fileName', 'note'];

export interface AttachmentDialogProps {
  readonly userId: string;
  readonly onAdded: () => Promise<void>;
  readonly onClose: () => void;
}

/** Upload attachment: the file is streamed to the server, which checks its real type and size as it arrives. */
export function AttachmentDialog({ userId, onAdded, onClose }: AttachmentDialogProps) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const formId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const config = useQuery(trpc.users.config.queryOptions());
  const maxSizeBytes = config.data?.attachments.maxSizeBytes;
  // Closing the dialog stops an upload under way.
  const abort = useRef(new AbortController());
  useEffect(() => {
    const controller = abort.current;
    return () => controller.abort();
  }, []);
  const add = useMutation({
    mutationFn: (chosen: File) =>
      uploadAttachment({
        userId,
        file: chosen,
        note: note.trim() || null,
        onProgress: setProgress,
        signal: abort.current.signal,
      }),
    onMutate: () => setProgress(0),
    onSuccess: async (attachment) => {
      toast.show(`${attachment.fileName} attached.`, 'success');
      await onAdded();
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setLocalError('choose a file');
      return;
    }
    // Said at once rather than after sending it all: the server refuses it anyway.
    if (maxSizeBytes !== undefined && file.size > maxSizeBytes) {
      setLocalError(`the file is ${formatSize(file.size)}, larger than the ${formatSize(maxSizeBytes)} allowed`);
      return;
    }
    setLocalError(null);
    add.mutate(file);
  };
  const errors = fieldErrorsOf(add.error);
  const fileError = localError ?? errors['file'] ?? errors['fileName'] ?? null;
  const busy = add.isPending;
  return (
    <Dialog
      open
      title="Upload attachment"
      onClose={onClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={busy}
          label="Upload"
          busyLabel={`Uploading… ${Math.round(progress * 100)}%`}
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError message={formMessageOf(add.error, attachmentFields)} />
        <div className={fileError ? 'ui-field ui-field--invalid' : 'ui-field'}>
          <label className="ui-field__label" htmlFor={`${formId}-file`}>
            File
            <span className="ui-field__required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <input
            id={`${formId}-file`}
            className="ui-input"
            type="file"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${formId}-file-hint${fileError ? ` ${formId}-file-error` : ''}`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setLocalError(null);
              add.reset();
            }}
          />
          <p className="ui-field__hint" id={`${formId}-file-hint`}>
            The institution decides which file types and sizes are allowed
            {maxSizeBytes !== undefined ? ` (at most ${formatSize(maxSizeBytes)})` : ''}; the type is read from the file
            itself.
          </p>
          {busy ? (
            <progress className="users-upload-progress" max={1} value={progress} aria-label="Upload progress">
              {Math.round(progress * 100)}%
            </progress>
          ) : null}
          {fileError ? (
            <p className="ui-field__error" id={`${formId}-file-error`}>
              {fileError}
            </p>
          ) : null}
        </div>
        <TextAreaField
          label="Note"
          rows={2}
          maxLength={1000}
          value={note}
          error={errors['note']}
          onChange={(e) => setNote(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
