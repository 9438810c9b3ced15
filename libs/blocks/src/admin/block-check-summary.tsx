import { useQuery } from '@tanstack/react-query';
import type { BlockedAction } from '@ulms/blocks/contracts';
import { useBlocksTrpc } from './blocks-admin-context.js';

const actions: readonly { action: BlockedAction; label: string }[] = [
  { action: 'borrow', label: 'Borrowing' },
  { action: 'renew', label: 'Renewals' },
  { action: 'request', label: 'Requests' },
];

/** Whether the user may borrow, renew and request now, and every reason when not (manual blocks and rules). */
export function BlockCheckSummary({ userId }: { readonly userId: string }) {
  return (
    <dl className="blocks-summary" aria-label="What the blocks stop">
      {actions.map(({ action, label }) => (
        <CheckItem key={action} userId={userId} action={action} label={label} />
      ))}
    </dl>
  );
}

function CheckItem({ userId, action, label }: { userId: string; action: BlockedAction; label: string }) {
  const trpc = useBlocksTrpc();
  const check = useQuery(trpc.blocks.check.queryOptions({ userId, action }));
  const blocked = check.data?.blocked ?? false;
  return (
    <div className={`blocks-summary__item${blocked ? ' blocks-summary__item--blocked' : ''}`}>
      <dt>{label}</dt>
      <dd>
        {check.isError ? (
          <span role="alert">Could not check: {check.error.message}</span>
        ) : !check.data ? (
          <span className="muted">Checking…</span>
        ) : blocked ? (
          <>
            <strong>Blocked</strong>
            <ul className="blocks-summary__reasons">
              {check.data.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        ) : (
          <strong>Allowed</strong>
        )}
      </dd>
    </div>
  );
}
