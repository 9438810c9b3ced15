import type { FieldError } from '@ulms/platform/contracts';

/** Where the server streams attachments (its file routes, `/files`). */
const attachmentsUrl = (userId: string) => `/files/users/${encodeURIComponent(userId)}/attachments`;

/** The attachment's download: the stored file, streamed, under its own name. */
export const attachmentDownloadUrl = (userId: string, id: string) =>
  `${attachmentsUrl(userId)}/${encodeURIComponent(id)}`;

/** An upload the server refused (with its message and field errors, as the forms read tRPC errors) or that broke off. */
export class AttachmentUploadError extends Error {
  constructor(
    message: string,
    readonly data: {
      readonly code?: string;
      readonly fieldErrors?: readonly FieldError[] | null;
    } | null,
  ) {
    super(message);
    this.name = 'AttachmentUploadError';
  }
}

/** What the server answers for an attachment added. */
export interface UploadedAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
}

/**
 * Sends one file as `multipart/form-data` to the server's streaming upload (its name and note first, then the
 * bytes), reporting the share sent so far (0 to 1). XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadAttachment(options: {
  readonly userId: string;
  readonly file: File;
  readonly note: string | null;
  readonly onProgress?: (sent: number) => void;
  readonly signal?: AbortSignal;
}): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('fileName', options.file.name);
  if (options.note) form.append('note', options.note);
  form.append('file', options.file, options.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', attachmentsUrl(options.userId));
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as
        | (UploadedAttachment & {
            error?: {
              code?: string;
              message?: string;
              fieldErrors?: FieldError[];
            };
          })
        | null;
      if (request.status === 201 && body && !body.error) {
        resolve(body);
        return;
      }
      const error = body?.error;
      reject(
        new AttachmentUploadError(error?.message ?? `The upload failed (HTTP ${request.status}).`, {
          code: error?.code,
          fieldErrors: error?.fieldErrors ?? null,
        }),
      );
    };
    request.onerror = () =>
      reject(new AttachmentUploadError('The upload broke off: the connection to the server was lost.', null));
    request.onabort = () => reject(new AttachmentUploadError('The upload was cancelled.', null));
    options.signal?.addEventListener('abort', () => request.abort(), {
      once: true,
    });
    request.send(form);
  });
}

/** A byte count for people: "812 B", "14.2 KB", "3.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
