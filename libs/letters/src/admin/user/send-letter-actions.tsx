import { lettersPermissions as can } from '@ulms/letters/contracts';
import { useAdminHost } from '@ulms/ui';
import { useState } from 'react';
import { GeneralMailDialog } from './general-mail.dialog.js';
import { type ReadyLetter, SendLetterDialog } from './send-letter.dialog.js';
import { useUserRecord } from './use-user-record.js';

type Open = 'generalMail' | ReadyLetter;

const buttons: { letter: Open; label: string; permission: string }[] = [
  { letter: 'generalMail', label: 'General mail', permission: can.letterSend },
  { letter: 'personalInformation', label: 'Personal information', permission: can.personalInfoSend },
  { letter: 'socialLoginInvitation', label: 'Social login invitation', permission: can.letterSend },
  { letter: 'userDeletion', label: 'User Deletion letter', permission: can.letterSend },
];

/** "Send letter": the letters staff send from the record, those the staff member may send. */
export function SendLetterActions({ userId }: { readonly userId: string }) {
  const { permissions } = useAdminHost();
  const user = useUserRecord(userId);
  const [open, setOpen] = useState<Open | null>(null);
  const shown = buttons.filter((b) => permissions.includes(b.permission));
  if (shown.length === 0) return null;
  const userName = user ? user.fullName || user.primaryId : 'this user';
  const close = () => setOpen(null);

  return (
    <div className="letters-tab__send" role="group" aria-labelledby="letters-send-label">
      <span id="letters-send-label" className="letters-tab__send-label">
        Send letter
      </span>
      {shown.map((b) => (
        <button key={b.letter} type="button" className="ui-button ui-button--small" onClick={() => setOpen(b.letter)}>
          {b.label}
        </button>
      ))}
      {open === 'generalMail' ? <GeneralMailDialog userId={userId} userName={userName} onClose={close} /> : null}
      {open && open !== 'generalMail' ? (
        <SendLetterDialog letter={open} userId={userId} userName={userName} onClose={close} />
      ) : null}
    </div>
  );
}
