import { useQuery } from '@tanstack/react-query';
import { useAdminTrpc } from '@ulms/ui';
import type { StudentRulesAdminRouter } from './student-rules-admin-router.js';

/** The User Details tab: what this plugin checks on the user's record in this institution. */
export function StudentRulesTab({ userId }: { readonly userId: string }) {
  const trpc = useAdminTrpc<StudentRulesAdminRouter>();
  const settings = useQuery(trpc.studentRules.settings.queryOptions());
  if (settings.isPending) return <p>Loading…</p>;
  if (settings.isError) return <p role="alert">{settings.error.message}</p>;
  return (
    <section aria-label="Student record rules" data-user-id={userId}>
      <p>
        Students ({settings.data.studentGroups.join(', ')}) need a {settings.data.identifierType} identifier and an
        expiry date at most {settings.data.maxYearsToExpiry} years ahead.
      </p>
    </section>
  );
}
