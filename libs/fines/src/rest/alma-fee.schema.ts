import { z } from 'zod';

const code = z.object({ value: z.string().min(1).max(255), desc: z.string().max(255).optional() }).strict();

/**
 * A fee as POST /users/{user_id}/fees takes it: the fields a new fee has. Anything else (an id, a status, a
 * balance, transactions) is refused by name, never dropped.
 */
export const almaFeeBody = z
  .object({
    type: code,
    owner: code.optional(),
    original_amount: z.union([z.number(), z.string().max(40)]),
    comment: z.string().max(2000).optional(),
    barcode: code.optional(),
    title: z.string().max(255).optional(),
  })
  .strict();
