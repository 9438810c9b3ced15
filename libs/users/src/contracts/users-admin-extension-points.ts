import { createExtensionPoint } from '@ulms/platform/contracts';
import type { ComponentType } from 'react';
import type { RecordType } from './user-codes.js';
import type { SaveUserResult, UserDto } from './user.dto.js';
import type { CreateUserInput, SearchUsersInput } from './user.schema.js';

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

/** Creates the user instead of `users.create`, with the same input and outcome (a duplicate warning included). */
export type CreateUserTakeover = (input: CreateUserInput) => Promise<SaveUserResult>;

/** What Quick User Management gives a create-user option's component. */
export interface CreateUserOptionProps {
  /** The record type chosen on the form (an option may not apply to a Contact). */
  readonly recordType: RecordType;
  /**
   * Hands the form a create call to use instead of `users.create` (the option is on), or null to give it back (the
   * option is off). The form sends its input to it, so `confirmDuplicate` and `generatePin` pass through, and shows
   * its outcome as its own: the duplicate warning, the generated PIN, the user's page. A rejection is shown as the
   * form's error (its field errors under the form's fields, others at the top).
   */
  readonly onTakeOver: (create: CreateUserTakeover | null) => void;
}

/**
 * An option another module adds to Quick User Management (the proxies module's "Add as Fulfillment Proxy"), in a
 * panel of its own after the form's sections, shown while the contributing module is enabled and to holders of
 * `permission`. When an option takes the submission over, the form creates the user with the option's call.
 */
export interface CreateUserOption {
  readonly id: string;
  /** The panel's heading ("Proxy settings"). */
  readonly label: string;
  readonly permission?: string;
  readonly component: ComponentType<CreateUserOptionProps>;
}

/** What Find and Manage Users gives a search action's component. */
export interface FindUsersActionProps {
  /** The current search without paging and sorting: the users it finds on every page. */
  readonly search: Omit<SearchUsersInput, 'page' | 'pageSize' | 'sortBy' | 'sortDirection' | 'columns'>;
  /** How many users the search finds, as the list shows it ("1,000+"). */
  readonly matchedText: string;
  readonly onClose: () => void;
}

/**
 * A button another module adds to Find and Manage Users (the letters module's "Message users"), beside Bulk edit,
 * for every user the current search finds; its component (a dialog) is shown while it is open.
 */
export interface FindUsersAction {
  readonly id: string;
  /** The button's label. */
  readonly label: string;
  readonly permission?: string;
  readonly component: ComponentType<FindUsersActionProps>;
}

/** What the "cannot be deleted" dialog gives an action another module adds to it. */
export interface DeletionBlockedActionProps {
  readonly user: { readonly id: string; readonly name: string };
  /** Why the user cannot be deleted, as the dialog lists them. */
  readonly reasons: readonly string[];
  /** Closes the dialog (the action is done). */
  readonly onDone: () => void;
}

/**
 * A button another module adds to the dialog saying why a user cannot be deleted (the letters module's "Notify user":
 * the reference's User Deletion letter about a balance due), between Cancel and View user.
 */
export interface DeletionBlockedAction {
  readonly id: string;
  readonly permission?: string;
  readonly component: ComponentType<DeletionBlockedActionProps>;
}

/**
 * Admin extension points of the users module. A plugin fills one from its admin plugin with
 * `contribute(usersAdminExtensionPoints.userRecordTabs, { id, label, permission, component })` (from `@ulms/ui`).
 */
export const usersAdminExtensionPoints = {
  userRecordTabs: createExtensionPoint<UserRecordTab>({ id: 'users.userRecordTabs' }),
  createUserOptions: createExtensionPoint<CreateUserOption>({ id: 'users.createUserOptions' }),
  /** Buttons of Find and Manage Users acting on every user the search finds. */
  findUsersActions: createExtensionPoint<FindUsersAction>({ id: 'users.findUsersActions' }),
  /** Buttons of the dialog saying why a user cannot be deleted. */
  deletionBlockedActions: createExtensionPoint<DeletionBlockedAction>({ id: 'users.deletionBlockedActions' }),
};
