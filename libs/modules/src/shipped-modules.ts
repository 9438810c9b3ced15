import { blocksPlugin } from '@ulms/blocks';
import { coursesPlugin } from '@ulms/courses';
import { finesPlugin } from '@ulms/fines';
import { proxiesPlugin } from '@ulms/proxies';
import { lettersPlugin } from '@ulms/letters';
import { sisPlugin } from '@ulms/sis';
import { usersPlugin } from '@ulms/users';

/** Every module the project ships besides the core platform and auth plugins; blocks… join here. */
export const shippedModules = [
  usersPlugin,
  finesPlugin,
  blocksPlugin,
  proxiesPlugin,
  lettersPlugin,
  sisPlugin,
  coursesPlugin,
] as const;
