import { ValidationError } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import type { UserDocumentPart } from '../../contracts/users-extension-points.js';
import type { HistoryChange } from '../user-history.js';

/** A segmented part (`user_block`) checked for one user: what its module writes, and whether the SIS's entries changed. */
export interface PreparedPart {
  readonly part: UserDocumentPart;
  readonly value: unknown;
  readonly change: HistoryChange | null;
}

type Entry = Record<string, unknown>;

/** Code fields of each part: SIS XML gives them as text (`<block_type>GENERAL</block_type>`), the parts take `{ value }`. */
const CODE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  user_block: ['block_type', 'block_description', 'block_owner'],
};

const withCodes = (field: string, entry: Entry): Entry => {
  const codes = Object.fromEntries(
    (CODE_FIELDS[field] ?? []).flatMap((key) => (typeof entry[key] === 'string' ? [[key, { value: entry[key] }]] : [])),
  );
  return { ...entry, ...codes };
};

const isExternal = (entry: Entry) => String(entry['segment_type'] ?? '').toLowerCase() === 'external';

/** An entry as the SIS states it: what a load compares (not who made it or when). */
const contentOf = (entry: Entry) => {
  const { segment_type: _s, created_by: _by, created_date: _date, block_status: _status, ...content } = entry;
  const code = (value: unknown) => (value && typeof value === 'object' ? (value as Entry)['value'] : value);
  return JSON.stringify(
    Object.keys(content)
      .sort()
      .map((key) => [key, code(content[key]) ?? null])
      .filter(([, value]) => value !== null && value !== ''),
  );
};

const describe = (entries: readonly Entry[]) => (entries.length ? entries.map(contentOf).sort().join('; ') : null);

/**
 * The record's entries of another module's part replace the user's external ones; the internal ones are kept.
 * The part's own `prepare` checks them (its errors name the record's fields).
 */
export async function prepareSegmentedParts(input: {
  parts: readonly UserDocumentPart[];
  incoming: readonly { field: string; value: unknown }[];
  institutionId: string;
  userId: string | null;
}): Promise<{ prepared: PreparedPart[]; errors: FieldError[] }> {
  const prepared: PreparedPart[] = [];
  const errors: FieldError[] = [];
  for (const { field, value } of input.incoming) {
    const part = input.parts.find((p) => p.field === field && p.prepare && p.write);
    if (!part?.prepare) {
      errors.push({ field, message: 'is not loaded: the module that keeps it is not enabled' });
      continue;
    }
    const sent = (Array.isArray(value) ? value : [value]).map((entry) => ({
      ...withCodes(field, entry as Entry),
      segment_type: 'External',
    }));
    const existing = input.userId
      ? ((await part.read({ institutionId: input.institutionId, userId: input.userId, userUrl: '' })) as Entry[])
      : [];
    const before = existing.filter(isExternal);
    const changed = describe(before) !== describe(sent);
    try {
      const checked = await part.prepare({ institutionId: input.institutionId, userId: input.userId }, [
        ...existing.filter((entry) => !isExternal(entry)),
        ...sent,
      ]);
      prepared.push({
        part,
        value: checked,
        change: changed
          ? { field: field as HistoryChange['field'], oldValue: describe(before), newValue: describe(sent) }
          : null,
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.fieldErrors);
    }
  }
  return { prepared, errors };
}
