import type { OutboxStatus } from './letter.schema.js';

export interface LetterTypeDto {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly optOut: boolean;
  readonly customizable: boolean;
  /** Languages with shipped wording. */
  readonly languages: readonly string[];
  /** Languages this institution changed the wording of. */
  readonly customizedLanguages: readonly string[];
  /** The top-level names the templates may use, with the letter's own fields under `letter`. */
  readonly variables: readonly string[];
}

export interface LetterTemplateDto {
  readonly letterTypeId: string;
  readonly language: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Null while the shipped wording is used (for this language or, when it has none, the fallback). */
  readonly version: number | null;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

export interface RenderedLetterDto {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/** One letter of the outbox, as lists show it. */
export interface OutboxEntryDto {
  readonly id: string;
  readonly letterTypeId: string;
  readonly letterTypeName: string;
  readonly userId: string | null;
  readonly toAddress: string;
  readonly fromAddress: string;
  readonly subject: string;
  readonly language: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly sentAt: Date | null;
  readonly nextAttemptAt: Date | null;
}

/** One letter with what it said (a PIN masked) and its attachments' names. */
export interface OutboxLetterDto extends OutboxEntryDto {
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly { readonly filename: string; readonly contentType: string; readonly size: number }[];
}

export interface OutboxPageDto {
  readonly entries: readonly OutboxEntryDto[];
  readonly nextCursor: string | null;
}

export interface OptOutDto {
  readonly letterTypeId: string;
  readonly name: string;
  readonly optedOut: boolean;
}

export interface LettersSettingsDto {
  readonly fromAddress: string;
  /** The transport letters leave by, or null when they stay in the outbox. */
  readonly transport: string | null;
  readonly defaultLanguage: string;
  readonly letterTypes: readonly { readonly id: string; readonly name: string }[];
}
