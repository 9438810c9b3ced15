import type { FieldError } from '@ulms/platform/contracts';

/** The part of a tRPC client error the forms read; structural so tests need no client. */
export interface ErrorWithData {
  readonly message: string;
  readonly data?: { readonly code?: string; readonly fieldErrors?: readonly FieldError[] | null } | null;
}

function hasData(error: unknown): error is ErrorWithData {
  return typeof error === 'object' && error !== null && 'message' in error;
}

/** Maps the `data.fieldErrors` of a tRPC error to one message per field (the first one wins). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!hasData(error)) return messages;
  for (const { field, message } of error.data?.fieldErrors ?? []) {
    messages[field] ??= message;
  }
  return messages;
}

/** The tRPC error code (`UNAUTHORIZED`, `BAD_REQUEST`, …), if the error carries one. */
export function errorCodeOf(error: unknown): string | undefined {
  return hasData(error) ? (error.data?.code ?? undefined) : undefined;
}

/**
 * A sentence for the whole form: the server message when no field explains the error,
 * otherwise null because the messages sit beside their fields.
 */
export function formMessageOf(error: unknown, knownFields: readonly string[]): string | null {
  if (!error) return null;
  const fields = Object.keys(fieldErrorsOf(error));
  const unplaced = fields.filter((field) => !knownFields.includes(field));
  if (fields.length > 0 && unplaced.length === 0) return null;
  if (hasData(error)) return error.message;
  return 'Something went wrong. Please try again.';
}
