import type { PrismaClient } from '@prisma/client';
import {
  contributorOf,
  type Database,
  type InstitutionService,
  type ModuleService,
  type Transactions,
} from '@ulms/platform';
import type { IdentifierGenerator, UserValidator } from '../contracts/users-extension-points.js';
import type { CodeTableService } from '../contracts/code-table-service.js';
import { USERS_MODULE } from './users-module.js';

/** What the user service is built from (the services and contributions the plugin resolves for it). */
export interface UserServiceDeps {
  prisma: PrismaClient;
  database: Database;
  institutions: InstitutionService;
  transactions: Transactions;
  modules: ModuleService;
  codeTables: CodeTableService;
  validators: readonly UserValidator[];
  identifierGenerators: readonly IdentifierGenerator[];
}

/** The contributions whose module (the users module for its own) is enabled for the institution. */
export async function enabledFor<T extends object>(
  modules: ModuleService,
  institutionId: string,
  contributions: readonly T[],
): Promise<T[]> {
  const enabled = await Promise.all(
    contributions.map((c) => modules.isEnabled(institutionId, contributorOf(c) ?? USERS_MODULE)),
  );
  return contributions.filter((_, i) => enabled[i]);
}
