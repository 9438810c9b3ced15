import { z } from 'zod';

/** An amount as staff type it: not negative, at most two decimals (the server rounds and checks it again). */
export const amountField = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be an amount that is not negative, such as 12 or 12.50');

/** A choice from a list the institution configured. */
export const choiceField = z.string().min(1, 'is required');

/** Free text that may stay empty: sent as absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim() || undefined);

export const commentField = optionalText(2000);
export const requiredComment = z.string().trim().min(1, 'is required').max(2000);
