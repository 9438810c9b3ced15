import type { CodeTable } from '@ulms/users/contracts';
import { useCodeTable } from './use-code-table.js';

/** A code shown by its description in the institution's code table (the code while loading). */
export function CodeLabel({ table, code }: { readonly table: CodeTable; readonly code: string | null }) {
  const { describe } = useCodeTable(table, null);
  if (!code) return <span className="muted">—</span>;
  return <>{describe(code)}</>;
}
