import { useQuery } from '@tanstack/react-query';
import type { BlocksConfig } from '@ulms/blocks/contracts';
import type { SelectOption } from '@ulms/ui';
import { useMemo } from 'react';
import { useBlocksTrpc } from './blocks-admin-context.js';

export interface BlocksChoices {
  readonly config: BlocksConfig | undefined;
  /** The configured block types, for the dialogs' type list. */
  readonly types: readonly SelectOption[];
  /** The description of a type code, or the code when the type is no longer configured. */
  readonly typeLabel: (code: string) => string;
  /** The title of a rule, or its id when the rules are not (yet) known. */
  readonly ruleLabel: (ruleId: string) => string;
}

/** The institution's block types and rules as the tab's labels and the dialogs' choices. */
export function useBlocksChoices(): BlocksChoices {
  const trpc = useBlocksTrpc();
  const config = useQuery(trpc.blocks.config.queryOptions());
  const rules = useQuery(trpc.blocks.rules.list.queryOptions());
  return useMemo(() => {
    const types = config.data?.blockTypes ?? [];
    const descriptions = new Map(types.map((type) => [type.code, type.description]));
    const titles = new Map((rules.data ?? []).map((rule) => [rule.id, rule.title]));
    return {
      config: config.data,
      types: types.map((type) => ({ value: type.code, label: type.description })),
      typeLabel: (code) => descriptions.get(code) ?? code,
      ruleLabel: (ruleId) => titles.get(ruleId) ?? ruleId,
    };
  }, [config.data, rules.data]);
}
