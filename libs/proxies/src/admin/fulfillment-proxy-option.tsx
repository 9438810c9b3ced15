import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProxyPartyDto } from '@ulms/proxies/contracts';
import { CheckboxField, fieldErrorsOf } from '@ulms/ui';
import type { CreateUserOptionProps, CreateUserTakeover } from '@ulms/users/contracts';
import { useEffect, useRef, useState } from 'react';
import { PatronPicker } from './patron-picker.js';
import { useProxiesTrpc } from './proxies-admin-context.js';
import { asCreateUserError } from './sponsor-error.js';

const sponsorMissing = 'choose the sponsor';

/**
 * "Add as Fulfillment Proxy" on Quick User Management: ticked, with a sponsor picked, the new user is created with
 * `proxies.createFulfillmentProxy` (the record and its link to the sponsor in one transaction) instead of
 * `users.create`. Not offered for a Contact.
 */
export function FulfillmentProxyOption({ recordType, onTakeOver }: CreateUserOptionProps) {
  const trpc = useProxiesTrpc();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(false);
  const [sponsor, setSponsor] = useState<ProxyPartyDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const createProxy = useMutation(trpc.proxies.createFulfillmentProxy.mutationOptions());
  const on = checked && recordType !== 'CONTACT';
  // The latest of each, for the create call handed to the form once.
  const latest = useRef({ sponsor, onTakeOver, createProxy });
  latest.current = { sponsor, onTakeOver, createProxy };

  useEffect(() => {
    if (!on) return;
    const create: CreateUserTakeover = async (user) => {
      const chosen = latest.current.sponsor;
      if (!chosen) {
        setError(sponsorMissing);
        throw new Error('Choose the sponsor of the fulfillment proxy, under Proxy settings.');
      }
      try {
        const result = await latest.current.createProxy.mutateAsync({ sponsorUserId: chosen.id, user });
        if (result.status === 'saved') await queryClient.invalidateQueries(trpc.proxies.pathFilter());
        return result;
      } catch (failure) {
        setError(fieldErrorsOf(failure)['sponsorUserId'] ?? null);
        throw asCreateUserError(failure);
      }
    };
    latest.current.onTakeOver(create);
    return () => latest.current.onTakeOver(null);
  }, [on, queryClient, trpc]);

  if (recordType === 'CONTACT') return <p className="muted">A Contact user cannot be a fulfillment proxy.</p>;
  return (
    <div className="proxies-option">
      <CheckboxField
        label="Add as Fulfillment Proxy"
        hint="The new user borrows on the sponsor's account: loans and requests go on the sponsor, who hears of them too. The link cannot be removed later."
        checked={checked}
        onChange={(event) => {
          setChecked(event.target.checked);
          setError(null);
        }}
      />
      {on ? (
        <PatronPicker
          label="Sponsor"
          required
          value={sponsor}
          onChange={(next) => {
            setSponsor(next);
            setError(null);
          }}
          hint="The patron the fulfillment proxy acts for."
          error={error}
        />
      ) : null}
    </div>
  );
}
