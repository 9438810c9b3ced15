import { createExtensionPoint, type ExtensionPoint } from '@ulms/platform/contracts';
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

/**
 * A module's settings screen: routed like an `AdminRoute`, but listed in the navigation's one "Configuration"
 * group (after the modules' own groups) rather than in the module's group.
 */
export interface AdminConfigurationPage {
  /** A path in TanStack Router syntax, usually under the module's own: `/fines/configuration`. */
  readonly path: string;
  readonly label: string;
  /** The permission the staff member needs to see and open it (usually the module's configuration read). */
  readonly permission: string;
  readonly component: ComponentType;
  readonly validateSearch?: z.ZodType<Record<string, unknown>>;
}

/** A report view for one job type (`users.purge`), shown on the Jobs page; null when it cannot read the report. */
export type JobReportView = (report: unknown) => ReactNode;

/** A button a module adds to the Jobs page, such as "Purge users now". */
export interface JobAction {
  /** The permission the staff member needs to see it. */
  readonly permission: string;
  readonly render: () => ReactNode;
}

/**
 * A typed slot of the admin app that one module declares (User Details' tabs) and other plugins fill. It is the
 * kernel's extension-point ref, so a module's browser-safe `./contracts` can declare one with
 * `createExtensionPoint<T>({ id })` from `@ulms/platform/contracts`, without depending on React or this kit.
 * Contributions carry an `id` and may carry a `permission`: `useAdminExtensions` leaves out the ones whose
 * permission the staff member lacks.
 */
export type AdminExtensionPoint<T extends { readonly id: string }> = ExtensionPoint<T>;

/** Declares an admin extension point `<moduleId>.<name>`, e.g. `users.userRecordTabs`. */
export function createAdminExtensionPoint<T extends { readonly id: string }>(id: string): AdminExtensionPoint<T> {
  return createExtensionPoint<T>({ id });
}

/** What an admin contribution may carry besides its own fields: its id and the permission it needs. */
export interface AdminExtension {
  readonly id: string;
  /** Shown only to staff members holding it; without it, to everyone who sees the host screen. */
  readonly permission?: string;
}

/** One value a plugin puts into an admin extension point; build it with `contribute(point, value)`. */
export interface AdminContribution {
  readonly point: AdminExtensionPoint<AdminExtension>;
  readonly value: AdminExtension;
}

/** A typed contribution entry: `value` must be what `point` takes. */
export function contribute<T extends AdminExtension>(point: AdminExtensionPoint<T>, value: T): AdminContribution {
  return { point, value };
}

/**
 * What one plugin contributes to the admin app. Everything in it shows only while the server reports the module
 * `moduleId` enabled for the signed-in staff member's institution, and each entry only to holders of its
 * permission; a plugin whose module the server does not know shows nothing.
 */
export interface AdminPlugin {
  /** The server plugin's id, as institutions enable it (`users`, `fines`, `campus-card`). */
  readonly moduleId: string;
  /** The heading of its group in the side navigation and on its start-page cards. */
  readonly title: string;
  readonly routes: readonly AdminRoute[];
  /** Settings screens, listed under the navigation's "Configuration" group. */
  readonly configurationPages?: readonly AdminConfigurationPage[];
  /** Report views of the module's jobs, by job type. */
  readonly jobReports?: Readonly<Record<string, JobReportView>>;
  /** Buttons on the Jobs page. */
  readonly jobActions?: readonly JobAction[];
  /** Values for other modules' admin extension points, each built with `contribute(point, value)`. */
  readonly contributions?: readonly AdminContribution[];
}

/** Declares a plugin's admin screens; the identity function, there for the types. */
export function defineAdminPlugin(plugin: AdminPlugin): AdminPlugin {
  return plugin;
}
