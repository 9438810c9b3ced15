import { DEMO_INSTITUTION_CODE } from '@ulms/server/demo-seed';

/** A staff member the browser tests add, who must choose a new password at first sign-in (given per run: global-setup). */
export const newcomer = {
  institution: DEMO_INSTITUTION_CODE,
  username: 'newcomer',
  displayName: 'New Colleague',
} as const;
