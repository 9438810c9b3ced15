/** The id institutions enable the module by; also its tRPC router's key. */
export const SIS_MODULE = 'sis';

/** Permissions of the SIS module. */
export const sisPermissions = {
  /** Read the institution's integration profiles. */
  profileRead: 'sis.profile.read',
  /** Create, change and remove integration profiles (their CSV mapping among them). */
  profileManage: 'sis.profile.manage',
  /** Read runs, their reports, dry-run differences and rejects. */
  runRead: 'sis.run.read',
  /** Upload a file and start a run (dry or applied). */
  runStart: 'sis.run.start',
} as const;
