/** Permissions of the users module. */
export const usersPermissions = {
  userRead: 'users.user.read',
  userCreate: 'users.user.create',
  userUpdate: 'users.user.update',
  userDelete: 'users.user.delete',
  toggleAccountType: 'users.user.toggle-account-type',
  configRead: 'users.config.read',
  configManage: 'users.config.manage',
} as const;
