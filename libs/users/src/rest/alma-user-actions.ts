import { ValidationError } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import { z } from 'zod';

const flag = z
  .string()
  .optional()
  .transform((v) => v?.trim().toLowerCase())
  .pipe(z.enum(['true', 'false'], 'must be true or false').optional())
  .transform((v) => v === 'true');
const text = z.string().optional();

/** The reference's action parameters of POST /users. */
export const createActionParams = {
  send_pin_number_letter: flag.describe('refused when true: the letters module is not available'),
  generate_password: flag.describe('refused when true: the letters module is not available to deliver it'),
  registration_rules: flag.describe('refused when true: user registration rules are not supported'),
  social_authentication: flag.describe('refused when true: social sign-in is not supported'),
  source_user_id: text.describe('refused: linking a user of another institution is not supported'),
  source_institution_code: text.describe('refused: linking a user of another institution is not supported'),
};

/** The reference's action parameters of PUT /users/{user_id}. */
export const updateActionParams = {
  send_pin_number_letter: createActionParams.send_pin_number_letter,
  generate_password: createActionParams.generate_password,
  registration_rules: createActionParams.registration_rules,
  recalculate_roles: flag.describe(
    "true applies the institution's role assignment rules to the user again (they apply on create, and on other saves only when asked)",
  ),
};

type ActionParams = Partial<Record<keyof typeof createActionParams, boolean | string | undefined>>;

const unsupported: Readonly<Record<keyof typeof createActionParams, string>> = {
  send_pin_number_letter:
    'sending the PIN number letter needs the letters module, which this installation does not have yet',
  generate_password:
    'a generated password has to be sent to the user by the letters module, which this installation does not have yet',
  registration_rules: 'user registration rules are not supported; give the expiry and purge dates in the record',
  social_authentication: 'social sign-in is not supported',
  source_user_id: 'linking a user of another institution is not supported',
  source_institution_code: 'linking a user of another institution is not supported',
};

/** Asked-for actions this installation cannot carry out are refused, never answered 200 doing nothing. */
export function refuseUnsupportedActions(query: ActionParams): void {
  const errors: FieldError[] = Object.entries(unsupported)
    .filter(([name]) => {
      const value = query[name as keyof ActionParams];
      return value === true || (typeof value === 'string' && value.trim() !== '');
    })
    .map(([field, message]) => ({
      field,
      message: `not supported: ${message}`,
    }));
  if (errors.length) throw new ValidationError(errors);
}
