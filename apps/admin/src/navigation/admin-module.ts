import type { PathParams } from '@ulms/ui';
import type { ReactNode } from 'react';

/** One screen a module contributes to the admin app. */
export interface AdminRoute {
  /** A path such as `/users`, or a pattern such as `/users/:id`; a static path wins over a pattern. */
  readonly path: string;
  /** Its name in the side navigation and, for hidden routes, in the page title. */
  readonly label: string;
  /** The permission the staff member needs to see and open it. */
  readonly permission: string;
  /** Reached from another page (Add user, User Details) rather than from the side navigation. */
  readonly hiddenFromNav?: boolean;
  readonly render: (params: PathParams) => ReactNode;
}

/** A report view for one job type (`users.purge`), shown on the Jobs page; null when it cannot read the report. */
export type JobReportView = (report: unknown) => ReactNode;

/** A button a module adds to the Jobs page, such as "Purge users now". */
export interface JobAction {
  readonly permission: string;
  readonly render: () => ReactNode;
}

/** What one module contributes to the admin app; shown only while the module is enabled. */
export interface AdminModule {
  readonly moduleId: string;
  readonly title: string;
  readonly routes: readonly AdminRoute[];
  /** Report views of the module's jobs, by job type. */
  readonly jobReports?: Readonly<Record<string, JobReportView>>;
  readonly jobActions?: readonly JobAction[];
}
