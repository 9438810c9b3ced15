import { createServiceRef } from '@ulms/platform/contracts';
import type { LetterAttachment } from './letter-type.js';

/** One letter to one user, in their language, to their preferred email. */
export interface LetterRequest {
  readonly letterTypeId: string;
  readonly userId: string;
  /** What the template sees as `letter`. */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly attachments?: readonly LetterAttachment[];
  /**
   * Values the recipient alone may read (a PIN): the template sees them under `letter`, the outbox keeps the
   * letter with them masked and the clear letter encrypted until it is sent, then only the masked copy.
   */
  readonly secrets?: Readonly<Record<string, string>>;
  /** The From address of a letter a staff member sends, where the institution disabled its own (`disableFromAddress`). */
  readonly senderAddress?: string | null;
}

export type LetterOutcome =
  | { readonly status: 'queued'; readonly id: string }
  | { readonly status: 'skipped'; readonly reason: 'optedOut' | 'noEmail' };

/** Sends letters for other modules and institution plugins; the letter type must be contributed and enabled. */
export interface LetterService {
  send(by: { readonly institutionId: string; readonly actor: string }, request: LetterRequest): Promise<LetterOutcome>;
}

export const lettersServices = {
  letters: createServiceRef<LetterService>({ id: 'letters.letters' }),
};
