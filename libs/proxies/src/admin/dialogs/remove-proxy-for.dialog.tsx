import { useMutation } from '@tanstack/react-query';
import type { ProxyRelationDto } from '@ulms/proxies/contracts';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useProxiesTrpc } from '../proxies-admin-context.js';
import { nameOf } from '../proxy-format.js';
import { useProxiesChanged } from '../use-proxies-changed.js';

export interface RemoveProxyForDialogProps {
  readonly relation: ProxyRelationDto;
  readonly onClose: () => void;
}

/** Asks before ending a Proxy For relation; a refusal (removed meanwhile) is said in a toast. */
export function RemoveProxyForDialog({ relation, onClose }: RemoveProxyForDialogProps) {
  const trpc = useProxiesTrpc();
  const toast = useToast();
  const changed = useProxiesChanged();
  const remove = useMutation(
    trpc.proxies.remove.mutationOptions({
      onSuccess: async () => {
        await changed(`${nameOf(relation.proxy)} is no longer a proxy for ${nameOf(relation.patron)}.`);
        onClose();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <ConfirmDialog
      open
      title="Remove Proxy For?"
      message={
        <p>
          {nameOf(relation.proxy)} will no longer act for {nameOf(relation.patron)} ({relation.patron.primaryId}).
        </p>
      }
      confirmLabel="Remove"
      danger
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id: relation.id })}
    />
  );
}
