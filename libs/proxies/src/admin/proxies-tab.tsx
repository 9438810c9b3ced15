import { useQuery } from '@tanstack/react-query';
import { proxiesPermissions as can, type ProxyRelationDto } from '@ulms/proxies/contracts';
import { DataTable, useAdminCan } from '@ulms/ui';
import { useMemo, useState } from 'react';
import { AddProxyForDialog } from './dialogs/add-proxy-for.dialog.js';
import { ChangeExpiryDialog } from './dialogs/change-expiry.dialog.js';
import { RemoveProxyForDialog } from './dialogs/remove-proxy-for.dialog.js';
import { useProxiesTrpc } from './proxies-admin-context.js';
import { proxyColumns } from './proxy-list-columns.js';
import { ProxyRowActions } from './proxy-row-actions.js';

type Open =
  | { readonly kind: 'add' }
  | { readonly kind: 'expiry'; readonly relation: ProxyRelationDto }
  | { readonly kind: 'remove'; readonly relation: ProxyRelationDto };

const proxyForColumns = proxyColumns('patron');
const proxiesColumns = proxyColumns('proxy');

/**
 * The Proxy For tab of User Details: the patrons this user acts for, with Add Proxy For and each relation's
 * actions, and (read only) the proxies acting for this user.
 */
export function ProxiesTab({ userId }: { readonly userId: string }) {
  const trpc = useProxiesTrpc();
  const canManage = useAdminCan(can.proxyManage);
  const [open, setOpen] = useState<Open | null>(null);
  const list = useQuery(trpc.proxies.list.queryOptions({ userId }));
  // The relation being changed as the list has it now: a newer version once the list is read again after a conflict.
  const changing = useMemo(
    () =>
      open?.kind === 'expiry'
        ? (list.data?.proxyFor.find((relation) => relation.id === open.relation.id) ?? open.relation)
        : null,
    [open, list.data],
  );
  const close = () => setOpen(null);

  return (
    <section className="proxies-tab" aria-labelledby="proxies-tab-title">
      <div className="proxies-tab__header">
        <h2 id="proxies-tab-title">Proxy for</h2>
        {canManage ? (
          <button type="button" className="ui-button ui-button--small" onClick={() => setOpen({ kind: 'add' })}>
            Add Proxy For
          </button>
        ) : null}
      </div>
      {list.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the proxies: {list.error.message}
        </p>
      ) : (
        <>
          <p className="muted proxies-tab__intro">The patrons this user may act for: borrow, renew and pick up.</p>
          <div className="proxies-list--actions">
            <DataTable
              caption="Proxy for"
              rows={list.data?.proxyFor ?? []}
              columns={proxyForColumns}
              getRowId={(relation) => relation.id}
              loading={list.isFetching}
              emptyMessage="This user acts for nobody."
              rowActions={
                canManage
                  ? (relation) => (
                      <ProxyRowActions
                        relation={relation}
                        onChangeExpiry={(target) => setOpen({ kind: 'expiry', relation: target })}
                        onRemove={(target) => setOpen({ kind: 'remove', relation: target })}
                      />
                    )
                  : undefined
              }
            />
          </div>
          <h2 id="proxies-of-user-title" className="proxies-tab__subtitle">
            Proxies of this user
          </h2>
          <p className="muted proxies-tab__intro">
            Who may act for this user; their relations are changed on the proxy&apos;s own Proxy For tab.
          </p>
          <DataTable
            caption="Proxies of this user"
            rows={list.data?.proxies ?? []}
            columns={proxiesColumns}
            getRowId={(relation) => relation.id}
            loading={list.isFetching}
            emptyMessage="Nobody acts for this user."
          />
        </>
      )}
      {open?.kind === 'add' ? <AddProxyForDialog userId={userId} onClose={close} /> : null}
      {changing ? <ChangeExpiryDialog relation={changing} onClose={close} /> : null}
      {open?.kind === 'remove' ? <RemoveProxyForDialog relation={open.relation} onClose={close} /> : null}
    </section>
  );
}
