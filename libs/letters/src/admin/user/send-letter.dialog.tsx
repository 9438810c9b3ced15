import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '@ulms/ui';
import type { ReactNode } from 'react';
import { letterErrorOf } from './letter-error.js';
import { useLetterSent } from './use-letter-sent.js';
import { useLettersTrpc } from '../letters-admin-context.js';

/** The letters sent with one click, their wording written by the institution beforehand. */
export type ReadyLetter = 'personalInformation' | 'socialLoginInvitation' | 'userDeletion';

const letters: Record<ReadyLetter, { title: string; name: string; explain: (user: string) => ReactNode }> = {
  personalInformation: {
    title: 'Send the personal information letter?',
    name: 'Personal information letter',
    explain: (user) => (
      <p>
        The Patron Personal Information letter goes to the preferred email address of {user}, with their whole record as
        XML (<code>user.xml</code>) and every attachment of the record attached.
      </p>
    ),
  },
  socialLoginInvitation: {
    title: 'Send a social login invitation?',
    name: 'Social login invitation',
    explain: (user) => (
      <p>
        {user} gets a link to the social sign-in page, to link a social or email account to their record. It goes to
        their preferred email address.
      </p>
    ),
  },
  userDeletion: {
    title: 'Send the User Deletion letter?',
    name: 'User Deletion letter',
    explain: (user) => (
      <p>
        It tells {user} of the balance they owe, which keeps their record from being deleted. It goes to their preferred
        email address, and a copy is added to the record&apos;s attachments.
      </p>
    ),
  },
};

export interface SendLetterDialogProps {
  readonly letter: ReadyLetter;
  readonly userId: string;
  readonly userName: string;
  readonly onClose: () => void;
}

/** Asks before sending a ready-worded letter; why it could not be sent shows in the dialog. */
export function SendLetterDialog({ letter, userId, userName, onClose }: SendLetterDialogProps) {
  const trpc = useLettersTrpc();
  const sent = useLetterSent();
  const spec = letters[letter];
  const send = useMutation(
    trpc.letters.send[letter].mutationOptions({
      onSuccess: async (entry) => {
        await sent(`${spec.name} queued to ${entry.toAddress}.`);
        onClose();
      },
    }),
  );
  const error = letterErrorOf(send.error);
  return (
    <ConfirmDialog
      open
      title={spec.title}
      message={
        <>
          {spec.explain(userName)}
          {error ? (
            <p className="ui-form-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      }
      confirmLabel={send.isPending ? 'Sending…' : 'Send letter'}
      busy={send.isPending}
      onCancel={onClose}
      onConfirm={() => send.mutate({ userId })}
    />
  );
}
