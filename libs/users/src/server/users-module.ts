/** The users module's id: its plugin id, its permissions' prefix and the module institutions enable. */
export const USERS_MODULE = 'users';
