import type { EnabledExtensions, PluginConfig, Transactions } from '@ulms/platform';
import type { PrismaClient } from '@prisma/client';
import type { UserService } from '@ulms/users/contracts';
import type { FinesConfig } from '../contracts/fines-config.schema.js';

/** What the fee operations are built from. */
export interface FeeOperationsDeps {
  readonly prisma: PrismaClient;
  readonly transactions: Transactions;
  readonly users: UserService;
  readonly libraries: (institutionId: string) => Promise<readonly { id: string; code: string }[]>;
  readonly config: PluginConfig<FinesConfig>;
  /** Other plugins' accrued fines and linked loans, where they are enabled. */
  readonly extensions: EnabledExtensions;
}
