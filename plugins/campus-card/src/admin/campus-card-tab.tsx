import { useQuery } from '@tanstack/react-query';
import { useAdminTrpc } from '@ulms/ui';
import type { CampusCardAdminRouter } from './campus-card-admin-router.js';

/** The User Details tab: the user's campus card, from their identifiers of the configured type. */
export function CampusCardTab({ userId }: { readonly userId: string }) {
  const trpc = useAdminTrpc<CampusCardAdminRouter>();
  const card = useQuery(trpc.campusCard.card.queryOptions({ userId }));
  if (card.isPending) return <p>Loading…</p>;
  if (card.isError) return <p role="alert">{card.error.message}</p>;
  const { identifierType, number, inactive } = card.data;
  return (
    <section aria-label="Campus card">
      <dl>
        <dt>Card number ({identifierType})</dt>
        <dd>{number ?? 'No active card'}</dd>
        {inactive.length > 0 && (
          <>
            <dt>Earlier cards</dt>
            <dd>{inactive.join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
