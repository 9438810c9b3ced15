import { DEMO_ADMIN } from '@ulms/server/demo-seed';

/** The seeded administrator of the demo institution, as the server's demo seed creates it. */
export const demoAdmin: { readonly institution: string; readonly username: string; readonly password: string } =
  DEMO_ADMIN;
