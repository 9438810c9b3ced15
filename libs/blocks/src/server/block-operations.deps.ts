import type { PrismaClient } from '@prisma/client';
import type { EnabledExtensions, PluginConfig, Transactions } from '@ulms/platform';
import type { UserService } from '@ulms/users/contracts';
import type { BlocksConfig } from '../contracts/blocks-config.schema.js';

/** What the block operations are built from. */
export interface BlockOperationsDeps {
  readonly prisma: PrismaClient;
  readonly transactions: Transactions;
  readonly users: UserService;
  readonly libraries: (institutionId: string) => Promise<readonly { id: string; code: string }[]>;
  readonly config: PluginConfig<BlocksConfig>;
  readonly extensions: EnabledExtensions;
}
