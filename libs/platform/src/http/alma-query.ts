import { ValidationError } from '../errors/domain-errors.js';

/** One `field~value` condition of an Alma-format `q` parameter. */
export interface AlmaQueryCondition<F extends string> {
  readonly field: F;
  readonly value: string;
}

const CONNECTIVE = /^(and|or|not)$/i;

const refused = (message: string) => ValidationError.of('q', message);

/** An operator `q` does not have: OR, NOT, or AND in another case, standing as a word outside quotes. */
function unsupportedOperator(condition: string): string | undefined {
  const unquoted = condition.replace(/"[^"]*"/g, '""');
  return unquoted.split(/\s+/).find((word) => CONNECTIVE.test(word));
}

/**
 * Reads an Alma-format `q` (`field~value` conditions joined with upper-case ` AND `, `field` one of `fields`, any
 * case); an empty `q` has no conditions. Any other operator (OR, NOT, a lower-case and) is refused rather than
 * read as part of a value and matching nothing. `valueOf` checks or rewrites a field's value (dates).
 */
export function parseAlmaQueryOf<F extends string>(
  q: string | undefined,
  fields: readonly F[],
  valueOf: (field: F, value: string) => string = (_field, value) => value,
): AlmaQueryCondition<F>[] {
  if (!q?.trim()) return [];
  return q
    .trim()
    .split(/\s+AND\s+/)
    .map((condition) => {
      const operator = unsupportedOperator(condition.trim());
      if (operator) {
        throw refused(
          operator === 'AND'
            ? `"${condition.trim()}": AND must join two field~value conditions`
            : `"${condition.trim()}": the operator ${operator} is not supported; join field~value conditions with upper-case AND (write a space inside a value as _)`,
        );
      }
      const match = /^([A-Za-z_]+)~(.*)$/s.exec(condition.trim());
      const field = fields.find((f) => f.toLowerCase() === match?.[1]?.toLowerCase());
      if (!match || !field) {
        throw refused(`"${condition.trim()}" is not field~value with field one of ${fields.join(', ')}`);
      }
      const value = (match[2] ?? '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim();
      return { field, value: value === '' ? value : valueOf(field, value) };
    });
}
