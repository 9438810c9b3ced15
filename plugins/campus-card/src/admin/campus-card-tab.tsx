import { useQuery } from '@tanstack/react-query';
import { useAdminTrpc } from '@ulms/ui';
import type { CampusCardAdminRouter } from './campus-card-admin-router.js';

/** The User Details tab: what this plugin checks on the user's record in this institution. */
export function CampusCardTab({ userId }: { readonly userId: string }) {
  const trpc = useAdminTrpc<CampusCardAdminRouter>();
  const settings = useQuery(trpc.campusCard.settings.queryOptions());
  if (settings.isPending) return <p>Loading…</p>;
  if (settings.isError) return <p role="alert">{settings.error.message}</p>;
  return (
    <section aria-label="Campus card" data-user-id={userId}>
      <p>Last names need at least {settings.data.minimumLastNameLength} characters in this institution.</p>
    </section>
  );
}
