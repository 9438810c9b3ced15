import { useMutation } from '@tanstack/react-query';
import { Dialog, fieldErrorsOf, FormError, formMessageOf, TextAreaField, useToast } from '@ulms/ui';
import { type FormEvent, useId, useState } from 'react';
import { readFileAsBase64 } from '../shared/base64-file.js';
import { useUsersTrpc } from '../users-admin-context.js';

const attachmentFields = ['fileName', 'contentBase64', 'note'];

export interface AttachmentDialogProps {
  readonly userId: string;
  readonly onAdded: () => Promise<void>;
  readonly onClose: () => void;
}

/** Upload attachment: the browser reads the file; the server checks its real type and size. */
export function AttachmentDialog({ userId, onAdded, onClose }: AttachmentDialogProps) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const formId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const add = useMutation(
    trpc.users.attachments.add.mutationOptions({
      onSuccess: async (attachment) => {
        toast.show(`${attachment.fileName} attached.`, 'success');
        await onAdded();
        onClose();
      },
    }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setLocalError('choose a file');
      return;
    }
    setLocalError(null);
    setReading(true);
    try {
      const contentBase64 = await readFileAsBase64(file);
      add.mutate({ userId, fileName: file.name, contentBase64, note: note.trim() || null });
    } catch {
      setLocalError('the file could not be read');
    } finally {
      setReading(false);
    }
  };
  const errors = fieldErrorsOf(add.error);
  const fileError = localError ?? errors['contentBase64'] ?? errors['fileName'] ?? null;
  const busy = reading || add.isPending;
  return (
    <Dialog
      open
      title="Upload attachment"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={(event) => void submit(event)}>
        <FormError message={formMessageOf(add.error, attachmentFields)} />
        <div className={fileError ? 'ui-field ui-field--invalid' : 'ui-field'}>
          <label className="ui-field__label" htmlFor={`${formId}-file`}>
            File<span className="ui-field__required" aria-hidden="true"> *</span>
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
            The institution decides which file types and sizes are allowed; the type is read from the file itself.
          </p>
          {fileError ? (
            <p className="ui-field__error" id={`${formId}-file-error`}>
              {fileError}
            </p>
          ) : null}
        </div>
        <TextAreaField label="Note" rows={2} maxLength={1000} value={note} error={errors['note']} onChange={(e) => setNote(e.target.value)} />
      </form>
    </Dialog>
  );
}
