import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import {
  type ApiKeyInfo,
  type CreateApiKeyInput,
  type CreatedApiKey,
  createApiKeyInput,
} from '../contracts/auth.schema.js';
import { createExpiringCache } from '../cache/expiring-cache.js';
import { NotFoundError, ValidationError } from '../errors/domain-errors.js';
import { parseInput } from '../errors/parse-input.js';
import type { DeclaredPermission } from '../plugin/declared-permission.js';
import type { Principal } from '../trpc/request-context.js';
import { permissionsOfRoles } from './role-permissions.js';
import { sha256 } from './credential.service.js';

/** API keys for integrations: shown once, stored hashed, scoped to an institution and a permission set. */
export interface ApiKeyService {
  create(institutionId: string, input: CreateApiKeyInput, grantor: Principal | null): Promise<CreatedApiKey>;
  list(institutionId: string): Promise<ApiKeyInfo[]>;
  revoke(institutionId: string, id: string): Promise<ApiKeyInfo>;
  principalOf(key: string): Promise<Principal | null>;
}

const infoSelect = {
  id: true,
  name: true,
  prefix: true,
  permissions: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

// Recording every use would add a write to every API call; once a minute is enough to show activity.
const LAST_USED_RESOLUTION_MS = 60_000;
// A key revoked in another server process stops working within this time (in this one, at once).
const KEY_CACHE_TTL_MS = 5_000;

/** A live key as cached: who it authenticates, and when it was last recorded as used. */
interface StoredKey {
  readonly id: string;
  readonly principal: Principal;
  lastUsedAt: Date | null;
}

export function createApiKeyService(deps: {
  prisma: PrismaClient;
  permissions: ReadonlyMap<string, DeclaredPermission>;
}): ApiKeyService {
  const { prisma } = deps;
  const byHash = createExpiringCache<string, StoredKey | null>(KEY_CACHE_TTL_MS);
  return {
    async create(institutionId, input, grantor) {
      const parsed = parseInput(createApiKeyInput, input);
      const unknown = parsed.permissions
        .map((name, index) => ({ name, index }))
        .filter(({ name }) => !deps.permissions.has(name));
      if (unknown.length) {
        throw new ValidationError(
          unknown.map(({ name, index }) => ({
            field: `permissions.${index}`,
            message: `unknown permission "${name}"`,
          })),
        );
      }
      const permissions = new Set(parsed.permissions);
      if (parsed.role) permissionsOfRoles([parsed.role], deps.permissions).forEach((p) => permissions.add(p));
      const notHeld = grantor ? [...permissions].filter((p) => !grantor.permissions.has(p)) : [];
      if (notHeld.length) {
        throw ValidationError.of('permissions', `you cannot grant permissions you do not hold: ${notHeld.join(', ')}`);
      }
      const prefix = randomBytes(4).toString('hex');
      const key = `ulms_${prefix}_${randomBytes(24).toString('base64url')}`;
      const created = await prisma.apiKey.create({
        data: {
          institutionId,
          name: parsed.name,
          prefix,
          keyHash: sha256(key),
          permissions: [...permissions].sort(),
        },
        select: infoSelect,
      });
      return { ...created, key };
    },

    list(institutionId) {
      return prisma.apiKey.findMany({
        where: { institutionId },
        select: infoSelect,
        orderBy: { createdAt: 'desc' },
      });
    },

    async revoke(institutionId, id) {
      const { count } = await prisma.apiKey.updateMany({
        where: { id, institutionId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const found = await prisma.apiKey.findFirst({
        where: { id, institutionId },
        select: { ...infoSelect, keyHash: true },
      });
      if (!found || (count === 0 && !found.revokedAt)) throw new NotFoundError('API key');
      const { keyHash, ...key } = found;
      byHash.delete(keyHash);
      return key;
    },

    async principalOf(key) {
      const keyHash = sha256(key);
      const found = await byHash.get(keyHash, async () => {
        const row = await prisma.apiKey.findUnique({
          where: { keyHash },
          select: {
            id: true,
            name: true,
            institutionId: true,
            permissions: true,
            revokedAt: true,
            lastUsedAt: true,
          },
        });
        if (!row || row.revokedAt) return null;
        const principal: Principal = {
          kind: 'apiKey',
          id: row.id,
          displayName: `API key "${row.name}"`,
          institutionId: row.institutionId,
          permissions: new Set(row.permissions),
          libraryScope: { all: true, libraryIds: new Set() },
        };
        return { id: row.id, lastUsedAt: row.lastUsedAt, principal };
      });
      if (!found) return null;
      const now = Date.now();
      if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        found.lastUsedAt = new Date(now);
        await prisma.apiKey.update({
          where: { id: found.id },
          data: { lastUsedAt: found.lastUsedAt },
        });
      }
      return found.principal;
    },
  };
}
