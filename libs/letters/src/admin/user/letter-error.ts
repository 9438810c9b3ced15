import { fieldErrorsOf } from '@ulms/ui';

/**
 * Why a letter could not be sent, as one sentence: the message about the recipient or the letter itself ("… has
 * no preferred email address") without the field name the server puts before it, otherwise the server's message.
 */
export function letterErrorOf(error: unknown): string | null {
  if (!error) return null;
  const fields = fieldErrorsOf(error);
  const message = fields['userId'] ?? fields['letterTypeId'];
  if (message) return message.charAt(0).toUpperCase() + message.slice(1) + '.';
  return error instanceof Error ? error.message : 'The letter could not be sent.';
}
