import { useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { z } from 'zod';

/**
 * The current route's search params, typed and validated by the same zod schema the route declares in its
 * `validateSearch` (modules cannot register their routes' types with the app's router, so they pass it here).
 */
export function useRouteSearch<Schema extends z.ZodType>(schema: Schema): z.output<Schema> {
  const search: unknown = useSearch({ strict: false });
  return useMemo(() => schema.parse(search), [schema, search]);
}
