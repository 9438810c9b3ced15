import { PayloadTooLargeError } from '@ulms/platform';

/** A streamed file over the institution's maximum: refused with 413 (Payload Too Large). */
export class AttachmentTooLargeError extends PayloadTooLargeError {
  constructor(readonly maxSizeBytes: number) {
    super(`the file is larger than the ${maxSizeBytes} bytes allowed`);
  }
}
