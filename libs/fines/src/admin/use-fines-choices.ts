import { useQuery } from '@tanstack/react-query';
import type { FinesConfig } from '@ulms/fines/contracts';
import type { SelectOption } from '@ulms/ui';
import { useMemo } from 'react';
import { useFinesTrpc } from './fines-admin-context.js';

export interface FinesChoices {
  readonly config: FinesConfig | undefined;
  /** Every configured type, for the filter and the list's descriptions. */
  readonly types: readonly SelectOption[];
  /** The types staff may add by hand. */
  readonly manualTypes: readonly SelectOption[];
  readonly waiveReasons: readonly SelectOption[];
  readonly paymentMethods: readonly SelectOption[];
  /** The description of a type code, or the code when the type is no longer configured. */
  readonly typeLabel: (code: string) => string;
}

const optionsOf = (entries: readonly { code: string; description: string }[]): SelectOption[] =>
  entries.map((entry) => ({ value: entry.code, label: entry.description }));

/** The institution's fines settings as the choices the tab's filters and dialogs offer. */
export function useFinesChoices(): FinesChoices {
  const trpc = useFinesTrpc();
  const config = useQuery(trpc.fines.config.queryOptions());
  return useMemo(() => {
    const data = config.data;
    const descriptions = new Map((data?.feeTypes ?? []).map((type) => [type.code, type.description]));
    return {
      config: data,
      types: optionsOf(data?.feeTypes ?? []),
      manualTypes: optionsOf((data?.feeTypes ?? []).filter((type) => type.manualCreation)),
      waiveReasons: optionsOf(data?.waiveReasons ?? []),
      paymentMethods: optionsOf(data?.paymentMethods ?? []),
      typeLabel: (code) => descriptions.get(code) ?? code,
    };
  }, [config.data]);
}
