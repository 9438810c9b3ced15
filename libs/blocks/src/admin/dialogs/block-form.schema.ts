import type { BlockDto } from '@ulms/blocks/contracts';
import { z } from 'zod';

/** Free text that may stay empty: sent as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim() || undefined);

/** The add/edit form; the server checks the type, the library and the external flag again. */
export const blockFormSchema = z.object({
  type: z.string().min(1, 'is required'),
  description: optionalText(2000),
  note: optionalText(2000),
  // A date input gives YYYY-MM-DD or "" (none: the block has no end).
  expiryDate: z.string().transform((value) => value || null),
  ownerLibrary: optionalText(255),
  external: z.boolean(),
});
export type BlockFormValues = z.input<typeof blockFormSchema>;
export type BlockFormOutput = z.output<typeof blockFormSchema>;

export const blockFieldLabels: Record<keyof BlockFormValues, string> = {
  type: 'Type',
  description: 'Description',
  note: 'Note',
  expiryDate: 'Expiry date',
  ownerLibrary: 'Owner library',
  external: 'External',
};

export const emptyBlockForm: BlockFormValues = {
  type: '',
  description: '',
  note: '',
  expiryDate: '',
  ownerLibrary: '',
  external: false,
};

/** The form's values for editing a block. */
export const formValuesOf = (block: BlockDto): BlockFormValues => ({
  type: block.type,
  description: block.description ?? '',
  note: block.note ?? '',
  expiryDate: block.expiryDate ?? '',
  ownerLibrary: block.ownerLibrary ?? '',
  external: block.external,
});
