import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lettersPermissions as can } from '@ulms/letters/contracts';
import { CheckboxField, useAdminCan, useToast } from '@ulms/ui';
import { useState } from 'react';
import { useLettersTrpc } from '../letters-admin-context.js';

/** The letters the user asked not to receive, among those that allow it; changeable with the opt-out permission. */
export function LetterOptOuts({ userId }: { readonly userId: string }) {
  const trpc = useLettersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canManage = useAdminCan(can.optOutManage);
  const listOptions = trpc.letters.optOuts.list.queryOptions({ userId });
  const list = useQuery(listOptions);
  // The box being changed shows the choice at once, until the server has answered.
  const [choosing, setChoosing] = useState<{ letterTypeId: string; optedOut: boolean } | null>(null);
  const set = useMutation(
    trpc.letters.optOuts.set.mutationOptions({
      onSuccess: (next, input) => {
        queryClient.setQueryData(listOptions.queryKey, next);
        const name = next.find((t) => t.letterTypeId === input.letterTypeId)?.name ?? 'the letter';
        toast.show(input.optedOut ? `Opted out of the ${name}.` : `The ${name} is sent again.`, 'success');
      },
      onError: (error) => toast.show(`Could not change the opt-out: ${error.message}`, 'error'),
      onSettled: () => setChoosing(null),
    }),
  );

  return (
    <section className="letters-tab__section" aria-labelledby="letters-opt-outs-title">
      <h3 id="letters-opt-outs-title">Opt-outs</h3>
      {list.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the opt-outs: {list.error.message}
        </p>
      ) : !list.data ? (
        <p aria-live="polite">Loading…</p>
      ) : list.data.length === 0 ? (
        <p className="muted">No letter here can be opted out of.</p>
      ) : (
        <fieldset className="letters-opt-outs" aria-describedby="letters-opt-outs-hint">
          <legend className="ui-visually-hidden">Letters this user opted out of</legend>
          <p className="muted" id="letters-opt-outs-hint">
            {canManage
              ? 'A ticked letter is not sent to this user.'
              : 'A ticked letter is not sent to this user. You may not change these.'}
          </p>
          {list.data.map((type) => (
            <CheckboxField
              key={type.letterTypeId}
              label={type.name}
              checked={choosing?.letterTypeId === type.letterTypeId ? choosing.optedOut : type.optedOut}
              disabled={!canManage || set.isPending}
              onChange={(event) => {
                const choice = { letterTypeId: type.letterTypeId, optedOut: event.target.checked };
                setChoosing(choice);
                set.mutate({ userId, ...choice });
              }}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
}
