import type { PrismaClient } from '@prisma/client';
import { ValidationError } from '@ulms/platform';
import type { UserService } from '@ulms/users/contracts';
import type { OptOutDto } from '../contracts/letter.dto.js';
import type { LetterTypeRegistry } from './letter-types.registry.js';

/** The letters a patron asked not to receive, among those that allow opting out. */
export interface LetterOptOuts {
  list(institutionId: string, userId: string): Promise<OptOutDto[]>;
  set(
    by: { institutionId: string; actor: string },
    input: { userId: string; letterTypeId: string; optedOut: boolean },
  ): Promise<OptOutDto[]>;
}

export function createLetterOptOuts(deps: {
  prisma: PrismaClient;
  registry: LetterTypeRegistry;
  users: UserService;
}): LetterOptOuts {
  const { prisma } = deps;
  const optOuts: LetterOptOuts = {
    async list(institutionId, userId) {
      await deps.users.requireExisting(institutionId, userId);
      const [types, rows] = await Promise.all([
        deps.registry.list(institutionId),
        prisma.letterOptOut.findMany({ where: { institutionId, userId }, select: { letterTypeId: true } }),
      ]);
      const out = new Set(rows.map((r) => r.letterTypeId));
      return types.filter((t) => t.optOut).map((t) => ({ letterTypeId: t.id, name: t.name, optedOut: out.has(t.id) }));
    },
    async set(by, input) {
      await deps.users.requireExisting(by.institutionId, input.userId);
      const type = (await deps.registry.list(by.institutionId)).find((t) => t.id === input.letterTypeId);
      if (!type?.optOut) {
        throw new ValidationError([
          {
            field: 'letterTypeId',
            message: type ? `the ${type.name} cannot be opted out of` : 'is not a letter type here',
          },
        ]);
      }
      const key = { institutionId: by.institutionId, userId: input.userId, letterTypeId: type.id };
      if (input.optedOut) {
        await prisma.letterOptOut.upsert({
          where: { institutionId_userId_letterTypeId: key },
          create: { ...key, createdBy: by.actor },
          update: {},
        });
      } else {
        await prisma.letterOptOut.deleteMany({ where: key });
      }
      return optOuts.list(by.institutionId, input.userId);
    },
  };
  return optOuts;
}
