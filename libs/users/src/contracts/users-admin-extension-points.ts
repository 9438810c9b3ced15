import { createExtensionPoint } from '@ulms/platform/contracts';
import type { ComponentType } from 'react';
import type { UserDto } from './user.dto.js';

/**
 * A tab another module adds to User Details, after the users module's own (Fines, Blocks, Proxies). It is
 * selected with `?tab=<id>` like the built-in tabs, and shown only while the contributing module is enabled, to
 * staff members holding `permission` and for the users `shownFor` accepts.
 */
export interface UserRecordTab {
  /** Unique among the tabs and used in the address (`?tab=fines`): lower-case letters, digits and dashes. */
  readonly id: string;
  /** The tab's name. */
  readonly label: string;
  /** Shown only to staff members holding it; without it, to everyone who may open User Details. */
  readonly permission?: string;
  /**
   * Whether the tab applies to this user, judged from the record User Details has loaded (its record type,
   * roles, status…); without it, every user gets the tab.
   */
  readonly shownFor?: (user: UserDto) => boolean;
  /** The tab's panel for the user being shown. */
  readonly component: ComponentType<{ readonly userId: string }>;
}

/**
 * Admin extension points of the users module. A plugin fills one from its admin plugin with
 * `contribute(usersAdminExtensionPoints.userRecordTabs, { id, label, permission, component })` (from `@ulms/ui`).
 */
export const usersAdminExtensionPoints = {
  userRecordTabs: createExtensionPoint<UserRecordTab>({ id: 'users.userRecordTabs' }),
};
