import type { PrismaClient } from '@prisma/client';
import type {
  CredentialService,
  Database,
  DeclaredPermission,
  EnabledExtensions,
  InstitutionService,
  ModuleService,
  Transactions,
} from '@ulms/platform';
import type { CodeTableService } from '../contracts/code-table-service.js';

/** What the user service is built from (the services and contributions the plugin resolves for it). */
export interface UserServiceDeps {
  prisma: PrismaClient;
  database: Database;
  institutions: InstitutionService;
  transactions: Transactions;
  /** The kernel's passwords and second factors, keyed by the user's id. */
  credentials: CredentialService;
  modules: ModuleService;
  codeTables: CodeTableService;
  /** The validators and identifier generators that apply in an institution (those of plugins it enabled). */
  extensions: EnabledExtensions;
  /** Every permission the installed plugins declare, with the roles that hold it: what granting a role gives. */
  permissions: ReadonlyMap<string, DeclaredPermission>;
}
