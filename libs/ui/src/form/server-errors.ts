import { type FieldErrors, type FieldPath, type FieldValues, get, type UseFormSetError } from 'react-hook-form';
import { fieldErrorsOf } from '../trpc/field-errors.js';

/**
 * Puts the server's field errors under their fields (`emails.0.emailAddress` included); with `prefix`, only
 * the errors under it, renamed without it (a dialog editing `emails.3` of a whole-record save).
 */
export function setServerErrors<V extends FieldValues>(
  setError: UseFormSetError<V>,
  error: unknown,
  prefix = '',
): void {
  for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
    if (!field.startsWith(prefix)) continue;
    setError(field.slice(prefix.length) as FieldPath<V>, { type: 'server', message });
  }
}

/** Every message of a form's errors by its path (`emails.0.emailAddress`), for the summary at the top. */
export function flatFieldErrors(errors: FieldErrors, path = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const at = path ? `${path}.${key}` : key;
    if ('message' in value && typeof value.message === 'string') flat[at] = value.message;
    else if (!('type' in value)) Object.assign(flat, flatFieldErrors(value as FieldErrors, at));
  }
  return flat;
}

/** The message of the error at `path` (`emails.0.emailAddress`), or null. */
export function errorAt(errors: FieldErrors, path: string): string | null {
  const error: unknown = get(errors, path);
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
    ? error.message
    : null;
}
