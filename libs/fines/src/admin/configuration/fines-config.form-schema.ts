import { feeTypeConfig, type FinesConfig, finesConfigSchema } from '@ulms/fines/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';

/** The settings as the form holds them: numbers as typed text, "" for a type without VAT. */
export interface FinesConfigFormValues {
  feeTypes: { code: string; description: string; manualCreation: boolean; libraryOwner: boolean; vatRate: string }[];
  waiveReasons: { code: string; description: string }[];
  paymentMethods: { code: string; description: string }[];
  waivingFinesFeesLimit: string;
  debtLimits: { userGroup: string; limit: string }[];
  allowActivityOnTransferred: boolean;
}

const number = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a number such as 100 or 12.5')
  .transform(Number);

/** The server's own schema, reading the typed numbers first: a rule is written once and answers the same here. */
export const finesConfigFormSchema = finesConfigSchema.extend({
  feeTypes: z.array(
    feeTypeConfig.extend({
      vatRate: z.union([z.literal('').transform(() => null), number.pipe(z.number().max(100, 'must be at most 100'))]),
    }),
  ),
  waivingFinesFeesLimit: number,
});

export const formValuesOf = (config: FinesConfig): FinesConfigFormValues => ({
  feeTypes: config.feeTypes.map((type) => ({ ...type, vatRate: type.vatRate === null ? '' : String(type.vatRate) })),
  waiveReasons: config.waiveReasons.map((reason) => ({ ...reason })),
  paymentMethods: config.paymentMethods.map((method) => ({ ...method })),
  waivingFinesFeesLimit: String(config.waivingFinesFeesLimit),
  debtLimits: config.debtLimits.map((limit) => ({ ...limit })),
  allowActivityOnTransferred: config.allowActivityOnTransferred,
});

/** The schema's defaults make its input looser than the form's values, which always hold every field. */
export const finesConfigResolver = zodResolver(finesConfigFormSchema) as unknown as Resolver<
  FinesConfigFormValues,
  unknown,
  FinesConfig
>;
