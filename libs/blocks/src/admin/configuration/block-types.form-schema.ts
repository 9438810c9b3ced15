import { zodResolver } from '@hookform/resolvers/zod';
import { type BlocksConfig, blockTypeConfig, type BlockTypeConfig } from '@ulms/blocks/contracts';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';

/** The block types as the form holds them: every field present. */
export interface BlockTypesFormValues {
  blockTypes: BlockTypeConfig[];
}

/** The server's own schema for a type, and one code once: a rule is written once and answers the same here. */
const blockTypesFormSchema = z.object({
  blockTypes: z.array(blockTypeConfig).superRefine((types, context) => {
    const seen = new Set<string>();
    types.forEach((type, index) => {
      if (seen.has(type.code)) context.addIssue({ code: 'custom', path: [index, 'code'], message: 'is used twice' });
      seen.add(type.code);
    });
  }),
});

export const formValuesOf = (config: BlocksConfig): BlockTypesFormValues => ({
  blockTypes: config.blockTypes.map((type) => ({ ...type, effects: { ...type.effects } })),
});

/** The schema's defaults make its input looser than the form's values, which always hold every field. */
export const blockTypesResolver = zodResolver(blockTypesFormSchema) as unknown as Resolver<
  BlockTypesFormValues,
  unknown,
  BlockTypesFormValues
>;

const fields: Record<string, string> = { code: 'code', description: 'description' };

/** "Block type 4, code" for `blockTypes.3.code`: how the summary above the form names each field in error. */
export function labelsOf(paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    paths.map((path) => {
      const [, index, field] = path.split('.');
      if (index === undefined) return [path, 'Block types'];
      const entry = `Block type ${Number(index) + 1}`;
      return [path, field === undefined ? entry : `${entry}, ${fields[field] ?? field}`];
    }),
  );
}
