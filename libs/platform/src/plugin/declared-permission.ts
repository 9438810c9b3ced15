import type { PermissionDeclaration } from '../contracts/roles.js';

/** A permission with the plugin that declared it. */
export interface DeclaredPermission extends PermissionDeclaration {
  readonly pluginId: string;
}
