import { type ServiceContainer, ValidationError } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import { z } from 'zod';
import { usersExtensionPoints, type PinLetterSender } from '../contracts/users-extension-points.js';

const flag = z
  .string()
  .optional()
  .transform((v) => v?.trim().toLowerCase())
  .pipe(z.enum(['true', 'false'], 'must be true or false').optional())
  .transform((v) => v === 'true');
const text = z.string().optional();

/** The reference's action parameters of POST /users. */
export const createActionParams = {
  send_pin_number_letter: flag.describe(
    "true sends the record's pin_number to the user in the PIN Number Generation letter (the letters module)",
  ),
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

const unsupported: Readonly<Partial<Record<keyof typeof createActionParams, string>>> = {
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

/**
 * With `send_pin_number_letter=true`, the sender of the PIN letter for the record's `pin_number` to its email;
 * refused before anything is saved when the letters module is off, or the record has no PIN or no email.
 */
export async function pinLetterOf(
  services: ServiceContainer,
  institutionId: string,
  asked: boolean,
  record: { pinNumber?: string | null; emails?: readonly unknown[] },
): Promise<{ sender: PinLetterSender; pin: string } | null> {
  if (!asked) return null;
  const [sender] = await services.extensionsFor(usersExtensionPoints.pinLetters, institutionId);
  const refuse = (message: string) => new ValidationError([{ field: 'send_pin_number_letter', message }]);
  if (!sender) throw refuse('not supported: the letters module is not enabled for this institution');
  if (!record.pinNumber) throw refuse('the record has no pin_number to send');
  if (!record.emails?.length) throw refuse('the record has no email address to send the PIN to');
  return { sender, pin: record.pinNumber };
}
