import { blocksPlugin } from '@ulms/blocks';
import { finesPlugin } from '@ulms/fines';
import { usersPlugin } from '@ulms/users';

/** Every module the project ships besides the core platform and auth plugins; blocks… join here. */
export const shippedModules = [usersPlugin, finesPlugin, blocksPlugin] as const;
