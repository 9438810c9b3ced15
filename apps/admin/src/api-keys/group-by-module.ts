/** Items grouped by their `module`, groups and items in first-seen order. */
export function groupByModule<T extends { readonly module: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.module);
    if (group) group.push(item);
    else groups.set(item.module, [item]);
  }
  return [...groups];
}
