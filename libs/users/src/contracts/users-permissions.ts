/** Permissions of the users module. */
export const usersPermissions = {
  userRead: 'users.user.read',
  userCreate: 'users.user.create',
  userUpdate: 'users.user.update',
  userDelete: 'users.user.delete',
  /** Add, change and remove a user's roles (the Roles tab), and recalculate them from the rules. */
  roleManage: 'users.role.manage',
  toggleAccountType: 'users.user.toggle-account-type',
  configRead: 'users.config.read',
  configManage: 'users.config.manage',
  /** Email (and, later, edit) users restricted for editing; lacking it is the reference's "Can't edit restricted users". */
  restrictedUserEdit: 'users.restricted-user.edit',
} as const;

/** Fields whose change needs more than `users.user.update`, in a single edit and a bulk edit alike. */
export const fieldPermissions: Readonly<Record<string, string>> = {
  // A purge date schedules the user's deletion by the routine purge.
  purgeDate: usersPermissions.userDelete,
};
