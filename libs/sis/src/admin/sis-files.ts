import type { FieldError } from '@ulms/platform/contracts';
import type { SisRunDto } from '@ulms/sis/contracts';

/** The download of a run's rejected records and why, as CSV. */
export const rejectsUrl = (runId: string) => `/files/sis/runs/${encodeURIComponent(runId)}/rejects.csv`;

export interface SisUpload {
  readonly profileId: string;
  readonly file: File;
  readonly dryRun: boolean;
  readonly fullLoad: boolean;
  /** The share sent so far, 0 to 1. */
  readonly onProgress?: (sent: number) => void;
}

/**
 * Sends a SIS file as `multipart/form-data` to the server's streaming upload (the flags first, then the bytes);
 * answers the run it started. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadSisFile(upload: SisUpload): Promise<SisRunDto> {
  const form = new FormData();
  form.append('dryRun', String(upload.dryRun));
  form.append('fullLoad', String(upload.fullLoad));
  form.append('file', upload.file, upload.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/files/sis/profiles/${encodeURIComponent(upload.profileId)}/runs`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as
        | (SisRunDto & { error?: { message?: string; fieldErrors?: readonly FieldError[] } })
        | null;
      if (request.status === 202 && body && !body.error) {
        resolve(body);
        return;
      }
      // A refused flag or file names its field: "file: is required" says more than "Invalid input".
      const error = body?.error;
      const fields = (error?.fieldErrors ?? []).map((f) => `${f.field}: ${f.message}`).join('; ');
      reject(new Error(fields || error?.message || `The upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error('The upload broke off: the connection to the server was lost.'));
    request.send(form);
  });
}
