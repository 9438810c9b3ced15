import type { ComponentType, ReactNode } from 'react';
import type { z } from 'zod';

/** One screen a module contributes to the admin app; the app adds it to its TanStack Router tree. */
export interface AdminRoute {
  /** A path in TanStack Router syntax: `/users`, or `/users/$id` with a parameter; a static path wins over one. */
  readonly path: string;
  /** Its name in the side navigation and on the start page. */
  readonly label: string;
  /** The permission the staff member needs to see and open it. */
  readonly permission: string;
  /** Reached from another page (Add user, User Details) rather than from the side navigation. */
  readonly hiddenFromNav?: boolean;
  /** The page; it reads its path parameters with `useParams` and its search with `useRouteSearch`. */
  readonly component: ComponentType;
  /** Types and validates the page's search params; the page reads them with the same schema. */
  readonly validateSearch?: z.ZodType<Record<string, unknown>>;
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
