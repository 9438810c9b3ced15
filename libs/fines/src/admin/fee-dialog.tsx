import type { FeeDto } from '@ulms/fines/contracts';
import { DisputeFeeDialog } from './dialogs/dispute-fee.dialog.js';
import { FeeDetailsDialog } from './dialogs/fee-details.dialog.js';
import { LinkItemDialog } from './dialogs/link-item.dialog.js';
import { PayFeeDialog } from './dialogs/pay-fee.dialog.js';
import { RefundFeeDialog } from './dialogs/refund-fee.dialog.js';
import { TransferFeeDialog } from './dialogs/transfer-fee.dialog.js';
import { WaiveFeeDialog } from './dialogs/waive-fee.dialog.js';
import type { FeeAction } from './fee-row-actions.js';

/** The dialog of one row action. */
export function FeeDialog({ action, fee, onClose }: { action: FeeAction; fee: FeeDto; onClose: () => void }) {
  switch (action) {
    case 'pay':
      return <PayFeeDialog fee={fee} onClose={onClose} />;
    case 'waive':
      return <WaiveFeeDialog fee={fee} onClose={onClose} />;
    case 'dispute':
    case 'restore':
      return <DisputeFeeDialog fee={fee} action={action} onClose={onClose} />;
    case 'link':
      return <LinkItemDialog fee={fee} onClose={onClose} />;
    case 'transfer':
      return <TransferFeeDialog fee={fee} onClose={onClose} />;
    case 'refund':
      return <RefundFeeDialog fee={fee} onClose={onClose} />;
    case 'details':
      return <FeeDetailsDialog fee={fee} onClose={onClose} />;
  }
}
