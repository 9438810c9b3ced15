import { useQuery } from '@tanstack/react-query';
import { useLettersTrpc } from '../letters-admin-context.js';

/** Where letters come from, and a warning when no transport is configured (letters stay here, unsent). */
export function TransportNotice() {
  const trpc = useLettersTrpc();
  const settings = useQuery(trpc.letters.outbox.settings.queryOptions());
  if (!settings.data) return null;
  const from = <strong className="letters-wrap">{settings.data.fromAddress}</strong>;
  return settings.data.transport === null ? (
    <p className="notice notice--warning" role="note">
      No SMTP server is configured: letters are kept here and not sent. They would go out from {from}.
    </p>
  ) : (
    <p className="notice" role="note">
      Letters are sent from {from}.
    </p>
  );
}
