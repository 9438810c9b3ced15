import type { Prisma } from '@prisma/client';
import { ConflictError, ValidationError } from '@ulms/platform';
import { identifierKey } from '../contracts/identifiers.js';
import type { UserFields } from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import type { UserServiceDeps } from './user-service.deps.js';
import { usersExtensionPoints } from '../contracts/users-extension-points.js';

const MAX_GENERATION_ATTEMPTS = 100;

/** Generates a free primary identifier with the generator the institution picked, inside the save's transaction. */
export type PrimaryIdGeneration = (
  tx: Prisma.TransactionClient,
  institutionId: string,
  user: UserFields,
  config: UsersConfig,
) => Promise<string>;

export function createPrimaryIdGeneration(deps: Pick<UserServiceDeps, 'modules' | 'extensions'>): PrimaryIdGeneration {
  return async (tx, institutionId, user, config) => {
    const generators = await deps.extensions.for(usersExtensionPoints.identifierGenerators, institutionId);
    const generator = generators.find((g) => g.id === config.userIdGeneration.generator);
    if (!generator) {
      throw ValidationError.of(
        'primaryId',
        `is required (identifier generator "${config.userIdGeneration.generator}" is not available)`,
      );
    }
    const nextInSequence = async () => {
      const [row] = await tx.$queryRaw<{ value: bigint }[]>`
        INSERT INTO "UserIdSequence" ("institutionId", "next") VALUES (${institutionId}::uuid, 2)
        ON CONFLICT ("institutionId") DO UPDATE SET "next" = "UserIdSequence"."next" + 1
        RETURNING "next" - 1 AS value`;
      return BigInt(row?.value ?? 1);
    };
    for (let attempt = 0; attempt < MAX_GENERATION_ATTEMPTS; attempt += 1) {
      const candidate = await generator.generate({
        institutionId,
        user,
        config: config.userIdGeneration,
        nextInSequence,
      });
      const taken = await tx.userIdentifier.count({
        where: { institutionId, valueKey: identifierKey(candidate) },
      });
      if (taken === 0) return candidate;
    }
    throw new ConflictError('could not generate a free primary identifier; enter one');
  };
}
