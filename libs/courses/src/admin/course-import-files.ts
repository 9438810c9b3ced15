import type { CourseImportDto } from '@ulms/courses/contracts';
import type { FieldError } from '@ulms/platform/contracts';

/** The download of an import's rejected rows and why, as CSV. */
export const rejectsUrl = (importId: string) => `/files/courses/imports/${encodeURIComponent(importId)}/rejects.csv`;

export interface EnrolmentUpload {
  readonly file: File;
  readonly dryRun: boolean;
  readonly fullLoad: boolean;
  /** The share sent so far, 0 to 1. */
  readonly onProgress?: (sent: number) => void;
}

/**
 * Sends an enrolment file as `multipart/form-data` to the server's streaming upload (the flags first, then the
 * bytes); answers the import it started. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadEnrolmentFile(upload: EnrolmentUpload): Promise<CourseImportDto> {
  const form = new FormData();
  form.append('dryRun', String(upload.dryRun));
  form.append('fullLoad', String(upload.fullLoad));
  form.append('file', upload.file, upload.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/files/courses/imports');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as
        | (CourseImportDto & { error?: { message?: string; fieldErrors?: readonly FieldError[] } })
        | null;
      if (request.status === 202 && body && !body.error) {
        resolve(body);
        return;
      }
      // A refused flag or file names its field: "file: is empty" says more than "Invalid input".
      const error = body?.error;
      const fields = (error?.fieldErrors ?? []).map((f) => `${f.field}: ${f.message}`).join('; ');
      reject(new Error(fields || error?.message || `The upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error('The upload broke off: the connection to the server was lost.'));
    request.send(form);
  });
}
