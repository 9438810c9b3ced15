import { z } from 'zod';

const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{1,40}$/, 'upper-case letters, digits and _ (at most 40)');
const description = z.string().trim().min(1).max(200);
/** A sum of money in the institution's currency, as a decimal string with at most 2 decimals. */
const money = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount such as 100 or 99.50');

/** A fine/fee type (the reference's Fine Fee Type Definition). */
export const feeTypeConfig = z.object({
  code,
  description,
  /** Staff may add fees of this type by hand. */
  manualCreation: z.boolean().default(true),
  /** A fee of this type may be owned by a library rather than the institution. */
  libraryOwner: z.boolean().default(true),
  /** The VAT percentage added to the amount, or null when the type is not subject to VAT. */
  vatRate: z.number().min(0).max(100).nullable().default(null),
});
export type FeeTypeConfig = z.output<typeof feeTypeConfig>;

export const finesConfigSchema = z.object({
  feeTypes: z
    .array(feeTypeConfig)
    .max(200)
    .default([
      { code: 'OVERDUEFINE', description: 'Overdue fine', manualCreation: true, libraryOwner: true, vatRate: null },
      {
        code: 'LOSTITEMREPLACEMENTFEE',
        description: 'Lost item replacement fee',
        manualCreation: true,
        libraryOwner: true,
        vatRate: null,
      },
      {
        code: 'DAMAGEDITEMFINE',
        description: 'Damaged item fine',
        manualCreation: true,
        libraryOwner: true,
        vatRate: null,
      },
      { code: 'CARDRENEWAL', description: 'Card renewal', manualCreation: true, libraryOwner: false, vatRate: null },
      { code: 'OTHER', description: 'Other', manualCreation: true, libraryOwner: true, vatRate: null },
    ])
    .meta({ title: 'Fine/fee types' }),
  waiveReasons: z
    .array(z.object({ code, description }))
    .max(200)
    .default([
      { code: 'PATRON_ERROR', description: 'Patron error' },
      { code: 'LIBRARY_ERROR', description: 'Library error' },
      { code: 'OTHER', description: 'Other' },
    ])
    .meta({ title: 'Waive reasons' }),
  paymentMethods: z
    .array(z.object({ code, description }))
    .max(200)
    .default([
      { code: 'CASH', description: 'Cash' },
      { code: 'CREDIT_CARD', description: 'Credit card' },
      { code: 'ONLINE', description: 'Online' },
    ])
    .meta({ title: 'Payment methods' }),
  waivingFinesFeesLimit: z
    .number()
    .min(0)
    .max(9_999_999_999)
    .default(100)
    .meta({ title: 'Waiving limit', description: 'The most "Waive selected" and "Waive All" may waive at once' }),
  debtLimits: z
    .array(z.object({ userGroup: z.string().trim().min(1).max(255), limit: money }))
    .max(500)
    .default([])
    .meta({ title: 'Debt limit per user group' }),
  allowActivityOnTransferred: z.boolean().default(false).meta({
    title: 'Allow activity on transferred fines/fees',
    description: 'Transferred fees may still be paid and waived, and count in the active balance',
  }),
});
export type FinesConfig = z.output<typeof finesConfigSchema>;
