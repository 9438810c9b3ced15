import { usersPlugin } from '@ulms/users';

/** Every module the project ships besides the core platform and auth plugins; fines, blocks… join here. */
export const shippedModules = [usersPlugin] as const;
