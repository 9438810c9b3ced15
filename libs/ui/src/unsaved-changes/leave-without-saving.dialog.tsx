import { Dialog } from '../dialog/dialog.js';

export interface LeaveWithoutSavingDialogProps {
  readonly open: boolean;
  readonly onStay: () => void;
  readonly onLeave: () => void;
}

/** "Leave without saving?": Stay has focus first, so Enter or Esc keeps the edits. */
export function LeaveWithoutSavingDialog({ open, onStay, onLeave }: LeaveWithoutSavingDialogProps) {
  return (
    <Dialog
      open={open}
      title="Leave without saving?"
      onClose={onStay}
      size="small"
      footer={
        <>
          <button type="button" className="ui-button ui-button--primary" onClick={onStay} data-autofocus>
            Stay
          </button>
          <button type="button" className="ui-button ui-button--danger" onClick={onLeave}>
            Leave
          </button>
        </>
      }
    >
      <p>You have changes that are not saved. If you leave, they are lost.</p>
    </Dialog>
  );
}
