import type { EnabledExtensions } from '@ulms/platform';
import type { UserChangeActor } from '@ulms/users/contracts';
import { coursesExtensionPoints, type EnrolmentChange } from '../contracts/courses-extension-points.js';

/** How the institution's rules took a set of changes: the failures, and the last one's message. */
export interface RulesOutcome {
  readonly failures: number;
  readonly error: string | null;
}

/** Runs the institution's enrolment rules over saved changes; a failing rule does not stop the others. */
export async function applyEnrolmentRules(
  extensions: EnabledExtensions,
  by: UserChangeActor,
  changes: readonly EnrolmentChange[],
): Promise<RulesOutcome> {
  if (changes.length === 0) return { failures: 0, error: null };
  const rules = await extensions.for(coursesExtensionPoints.enrolmentRules, by.institutionId);
  let failures = 0;
  let error: string | null = null;
  for (const rule of rules) {
    try {
      await rule.apply(by, changes);
    } catch (failure) {
      failures++;
      error = `${rule.id}: ${(failure as Error).message}`;
    }
  }
  return { failures, error };
}
