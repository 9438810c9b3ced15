/** Permissions of the kernel's own procedures. */
export const platformPermissions = {
  institutionRead: 'platform.institution.read',
  institutionManage: 'platform.institution.manage',
  libraryRead: 'platform.library.read',
  libraryManage: 'platform.library.manage',
  moduleRead: 'platform.module.read',
  moduleManage: 'platform.module.manage',
  jobRead: 'platform.job.read',
  jobOwnRead: 'platform.own-job.read',
  preferenceOwn: 'platform.preference.own',
} as const;

/** Permissions of the auth plugin's administration procedures. */
export const authPermissions = {
  apiKeyManage: 'auth.apikey.manage',
  roleRead: 'auth.role.read',
} as const;
