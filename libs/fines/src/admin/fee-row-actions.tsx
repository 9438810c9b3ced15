import { useQuery } from '@tanstack/react-query';
import { type FeeDto, finesPermissions as can } from '@ulms/fines/contracts';
import { ActionsMenu, ActionsMenuItem, useAdminHost, useToast } from '@ulms/ui';
import { useFinesTrpc } from './fines-admin-context.js';

/** The dialogs a row's menu opens. */
export type FeeAction = 'pay' | 'waive' | 'dispute' | 'restore' | 'link' | 'transfer' | 'refund' | 'details';

export interface FeeRowActionsProps {
  readonly fee: FeeDto;
  readonly label: string;
  /** Transferred fees may still be paid and waived (the institution's setting). */
  readonly activityOnTransferred: boolean;
  readonly onAction: (action: FeeAction, fee: FeeDto) => void;
}

/** A row's "⋯" menu: the actions the fee's status and the staff member's permissions allow. */
export function FeeRowActions({ fee, label, activityOnTransferred, onAction }: FeeRowActionsProps) {
  const permissions = useAdminHost().permissions;
  const has = (permission: string) => permissions.includes(permission);
  const open =
    fee.status === 'ACTIVE' || fee.status === 'IN_DISPUTE' || (fee.status === 'EXPORTED' && activityOnTransferred);
  const owed = open && Number(fee.remainingBalance) > 0;
  const item = (action: FeeAction, text: string, shown: boolean) =>
    shown ? (
      <ActionsMenuItem key={action} onSelect={() => onAction(action, fee)}>
        {text}
      </ActionsMenuItem>
    ) : null;
  return (
    <ActionsMenu label={label}>
      {item('pay', 'Pay', owed && has(can.feePay))}
      {item('waive', 'Waive', owed && has(can.feeWaive))}
      {item('dispute', 'Dispute', fee.status === 'ACTIVE' && has(can.feeDispute))}
      {item('restore', 'Restore', fee.status === 'IN_DISPUTE' && has(can.feeDispute))}
      {item('link', 'Link to item', fee.status !== 'CLOSED' && has(can.feeLink))}
      {item('transfer', 'Transfer to bursar', fee.status === 'ACTIVE' && owed && has(can.feeTransfer))}
      {item('refund', 'Refund', Number(fee.originalAmount) > 0 && has(can.feeRefund))}
      {item('details', 'Details', true)}
      <ViewLoanItem fee={fee} />
    </ActionsMenu>
  );
}

/** "View loan", where the fulfilment side names the fee's loan; asked when the menu opens. */
function ViewLoanItem({ fee }: { readonly fee: FeeDto }) {
  const trpc = useFinesTrpc();
  const toast = useToast();
  const loan = useQuery(trpc.fines.get.queryOptions({ id: fee.id })).data?.linkedLoan;
  if (!loan) return null;
  return loan.url ? (
    <ActionsMenuItem asChild>
      <a href={loan.url} target="_blank" rel="noreferrer">
        View loan
      </a>
    </ActionsMenuItem>
  ) : (
    <ActionsMenuItem onSelect={() => toast.show(`Loan: ${loan.description}`, 'info')}>View loan</ActionsMenuItem>
  );
}
