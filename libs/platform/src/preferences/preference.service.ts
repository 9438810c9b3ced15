import type { Prisma, PrismaClient } from '@prisma/client';
import { MAX_PREFERENCE_BYTES, type PreferenceKey } from '../contracts/preferences.schema.js';
import { ValidationError } from '../errors/domain-errors.js';

/** Whose preferences: one staff account within one institution. */
export interface PreferenceOwner {
  readonly institutionId: string;
  readonly accountId: string;
}

/** Per-staff-member choices of the admin app (columns, page sizes), under keys that plugins declare. */
export interface PreferenceService {
  /** The stored value, or null when none is stored or it no longer matches its key's schema. */
  get(owner: PreferenceOwner, key: string): Promise<unknown>;
  set(owner: PreferenceOwner, key: string, value: unknown): Promise<unknown>;
}

export function createPreferenceService(deps: {
  prisma: PrismaClient;
  keys: readonly PreferenceKey[];
}): PreferenceService {
  const keyOf = (key: string): PreferenceKey => {
    const found = deps.keys.find((k) => k.id === key);
    if (!found) throw ValidationError.of('key', 'is not a known preference');
    return found;
  };

  return {
    async get(owner, key) {
      const { schema } = keyOf(key);
      const row = await deps.prisma.staffPreference.findUnique({
        where: { institutionId_accountId_key: { ...owner, key } },
      });
      if (!row) return null;
      // A value stored under an older schema is forgotten rather than breaking the screen.
      const parsed = schema.safeParse(row.value);
      return parsed.success ? parsed.data : null;
    },

    async set(owner, key, value) {
      const { schema } = keyOf(key);
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        throw new ValidationError(
          parsed.error.issues.map((issue) => ({
            field: ['value', ...issue.path.map(String)].join('.'),
            message: issue.message,
          })),
        );
      }
      const json = JSON.stringify(parsed.data ?? null);
      if (Buffer.byteLength(json) > MAX_PREFERENCE_BYTES) {
        throw ValidationError.of('value', `is longer than ${MAX_PREFERENCE_BYTES} bytes`);
      }
      const stored = JSON.parse(json) as Prisma.InputJsonValue;
      await deps.prisma.staffPreference.upsert({
        where: { institutionId_accountId_key: { ...owner, key } },
        create: { ...owner, key, value: stored },
        update: { value: stored },
      });
      return parsed.data;
    },
  };
}
