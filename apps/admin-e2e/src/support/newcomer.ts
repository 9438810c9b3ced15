import { DEMO_INSTITUTION_CODE } from '@ulms/server/demo-seed';

/** A staff member the browser tests add, who must choose a new password at first sign-in. */
export const newcomer = {
  institution: DEMO_INSTITUTION_CODE,
  username: 'newcomer',
  displayName: 'New Colleague',
  password: 'first-password-2026',
} as const;
