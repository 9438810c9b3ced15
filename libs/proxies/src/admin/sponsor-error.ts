import { fieldErrorsOf } from '@ulms/ui';

/**
 * A refused `proxies.createFulfillmentProxy` as Quick User Management shows `users.create`'s: the user's fields
 * without the input's `user.` prefix (so they go under the form's fields), and the sponsor's refusal as the
 * form's sentence, since that form has no sponsor field of its own.
 */
export function asCreateUserError(failure: unknown): unknown {
  const fields = fieldErrorsOf(failure);
  if (Object.keys(fields).length === 0) return failure;
  const sponsor = fields['sponsorUserId'];
  const fieldErrors = Object.entries(fields)
    .filter(([field]) => field !== 'sponsorUserId')
    .map(([field, message]) => ({ field: field.replace(/^user\./, ''), message }));
  const data = (failure as { readonly data?: object | null }).data ?? {};
  const message = sponsor ? `Sponsor: ${sponsor}` : (failure as Error).message;
  return { message, data: { ...data, fieldErrors } };
}
