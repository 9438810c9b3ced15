/**
 * How deeply objects and lists may nest in a request's input. The deepest document this product takes (an
 * Alma user read from XML, a module's configuration) nests fewer than ten levels; far deeper input is an
 * attack on everything that walks it recursively (serialisers, validators), which would exhaust the stack.
 */
export const MAX_INPUT_DEPTH = 64;

/** The message of an input nested deeper than `MAX_INPUT_DEPTH`. */
export const TOO_DEEP = `is nested more than ${MAX_INPUT_DEPTH} levels deep`;

/** Whether objects and lists in `value` nest deeper than `max`; walks without recursion, so any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, max = MAX_INPUT_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
