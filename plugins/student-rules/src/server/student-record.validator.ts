import type { FieldError, PluginConfig } from '@ulms/platform';
import type { UserValidator } from '@ulms/users/contracts';
import type { StudentRulesConfig } from '../contracts/index.js';

/** The latest expiry date allowed on `today` (YYYY-MM-DD, UTC): the same day `years` later. */
export function latestExpiry(today: Date, years: number): string {
  const latest = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));
  return latest.toISOString().slice(0, 10);
}

/** Students (users of the configured groups) need the configured identifier and an expiry date within the limit. */
export function studentRecordValidator(
  config: PluginConfig<StudentRulesConfig>,
  now: () => Date = () => new Date(),
): UserValidator {
  return {
    id: 'student-rules.student-record',
    async validate(user, { institutionId }) {
      const rules = await config.for(institutionId);
      if (!user.userGroup || !rules.studentGroups.includes(user.userGroup)) return [];
      const errors: FieldError[] = [];
      if (!user.identifiers.some((identifier) => identifier.idType === rules.identifierType)) {
        errors.push({ field: 'identifiers', message: `a student needs a ${rules.identifierType} identifier` });
      }
      const latest = latestExpiry(now(), rules.maxYearsToExpiry);
      if (!user.expiryDate) {
        errors.push({ field: 'expiryDate', message: 'a student needs an expiry date' });
      } else if (user.expiryDate > latest) {
        errors.push({
          field: 'expiryDate',
          message: `must be within ${rules.maxYearsToExpiry} years for a student (${latest} at the latest)`,
        });
      }
      return errors;
    },
  };
}
