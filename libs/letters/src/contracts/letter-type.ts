import { createExtensionPoint } from '@ulms/platform/contracts';
import type { LettersConfig } from './letters-config.schema.js';

/** A letter's wording in one language: Liquid templates for the subject, the HTML body and the plain text. */
export interface LetterTemplateText {
  readonly subject: string;
  readonly html: string;
  /** The plain-text alternative; derived from the HTML when left out. */
  readonly text?: string;
}

/**
 * A kind of letter, contributed to `letters.letterTypes`. Templates see `user` (the recipient's name, identifiers
 * and preferred email), `institution` (its name), `today` and `letter` (this type's own data).
 */
export interface LetterType<D = Record<string, unknown>> {
  /** `<pluginId>.<name>`, such as `users.pinNumberGeneration`. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The module that must be enabled too for this letter to be sent; none for the letters module's own. */
  readonly requiresModule?: string;
  /** Whether a patron may opt out of it (notices); letters a staff member sends on purpose never allow it. */
  readonly optOut: boolean;
  /** False for the letters whose wording staff write each time (General mail): no template to edit. */
  readonly customizable: boolean;
  /** What `letter` holds when the template is previewed. */
  readonly sample: D;
  /** The shipped wording per language (`en` at least); an institution overrides it per language. */
  readonly templates: Readonly<Record<string, LetterTemplateText>>;
}

/** Declares a letter type; only checks and returns it, keeping its data type. */
export function defineLetterType<D extends Record<string, unknown>>(type: LetterType<D>): LetterType<D> {
  return type;
}

/** A letter ready to go, as a transport sends it. */
export interface OutgoingLetter {
  /** Stable per letter: a retried letter keeps its Message-ID, so a receiver can tell a repeat. */
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly LetterAttachment[];
}

export interface LetterAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly contentBase64: string;
}

/**
 * A way letters leave the system, contributed to `letters.transports` and named by an institution's
 * `transport` setting. SMTP is shipped; a plugin may add another (an HTTP mail API).
 */
export interface LetterTransport {
  readonly id: string;
  /**
   * Sends one letter. Throws a `LetterDeliveryError` saying whether trying again may help (a full mailbox, a
   * server away) or not (an address the server refuses).
   */
  send(institutionId: string, letter: OutgoingLetter, settings: LettersConfig): Promise<void>;
  /** Closes its connections (the server stopping). */
  close?(): Promise<void>;
}

/** Why a transport could not send a letter; `permanent` ones are not tried again. */
export class LetterDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'LetterDeliveryError';
  }
}

export const lettersExtensionPoints = {
  letterTypes: createExtensionPoint<LetterType>({ id: 'letters.letterTypes' }),
  transports: createExtensionPoint<LetterTransport>({ id: 'letters.transports' }),
};
