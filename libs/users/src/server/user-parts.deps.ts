import type { PrismaClient } from '@prisma/client';
import type { Database, InstitutionService, ModuleService, Transactions } from '@ulms/platform';
import type { CodeTableService } from '../contracts/code-table-service.js';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';

/** What the notes, statistics, attachments and history service is built from (the plugin resolves them). */
export interface UserPartsServiceDeps {
  prisma: PrismaClient;
  database: Database;
  transactions: Transactions;
  modules: ModuleService;
  codeTables: CodeTableService;
  institutions: InstitutionService;
  storage: (institutionId: string) => Promise<AttachmentStorage>;
}
