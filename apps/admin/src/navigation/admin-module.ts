import type { ReactNode } from 'react';

/** One screen a module contributes to the admin app. */
export interface AdminRoute {
  readonly path: string;
  /** Its name in the side navigation. */
  readonly label: string;
  /** The permission the staff member needs to see and open it. */
  readonly permission: string;
  readonly render: () => ReactNode;
}

/** What one module contributes to the admin app; shown only while the module is enabled. */
export interface AdminModule {
  readonly moduleId: string;
  readonly title: string;
  readonly routes: readonly AdminRoute[];
}
