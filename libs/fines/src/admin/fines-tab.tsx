import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FeeDto, finesPermissions as can } from '@ulms/fines/contracts';
import { DataTable, type PaginationState, useAdminCan } from '@ulms/ui';
import { useMemo, useState } from 'react';
import { FeeBalancesSummary } from './fee-balances-summary.js';
import { FeeFilters, type FeeFilterValues } from './fee-filters.js';
import { feeColumns, hiddenFeeColumns } from './fee-list-columns.js';
import { type FeeAction, FeeRowActions } from './fee-row-actions.js';
import { FeeDialog } from './fee-dialog.js';
import { useFinesTrpc } from './fines-admin-context.js';
import { AddFeeDialog } from './dialogs/add-fee.dialog.js';
import { PayAllDialog } from './dialogs/pay-all.dialog.js';
import { WaiveManyDialog, type WaiveTarget } from './dialogs/waive-many.dialog.js';
import { useFinesChoices } from './use-fines-choices.js';

type Open =
  | { readonly kind: 'fee'; readonly action: FeeAction; readonly fee: FeeDto }
  | { readonly kind: 'add' }
  | { readonly kind: 'payAll' }
  | { readonly kind: 'waive'; readonly target: WaiveTarget };

/** The Fines/Fees tab of User Details: the balances, the user's fees with their filters, and every action. */
export function FinesTab({ userId }: { readonly userId: string }) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const canCreate = useAdminCan(can.feeCreate);
  const canPay = useAdminCan(can.feePay);
  const canWaive = useAdminCan(can.feeWaive);
  const [filters, setFilters] = useState<FeeFilterValues>({});
  const [paging, setPaging] = useState<PaginationState>({ pageIndex: 0, pageSize: 10 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open | null>(null);
  const balances = useQuery(trpc.fines.balances.queryOptions({ userId }));
  const list = useQuery(
    trpc.fines.list.queryOptions(
      { userId, ...filters, offset: paging.pageIndex * paging.pageSize, limit: paging.pageSize },
      { placeholderData: keepPreviousData },
    ),
  );
  const currency = balances.data?.currency ?? list.data?.currency ?? '';
  const columns = useMemo(() => feeColumns(choices.typeLabel, currency), [choices.typeLabel, currency]);
  const activityOnTransferred = choices.config?.allowActivityOnTransferred ?? false;
  const close = () => setOpen(null);

  return (
    <section className="fines-tab" aria-labelledby="fines-tab-title">
      <div className="fines-tab__header">
        <h2 id="fines-tab-title">Fines and fees</h2>
        <div className="fines-tab__actions">
          {canCreate ? (
            <button type="button" className="ui-button ui-button--small" onClick={() => setOpen({ kind: 'add' })}>
              Add fine or fee
            </button>
          ) : null}
          {canPay ? (
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={!balances.data || Number(balances.data.active) <= 0}
              onClick={() => setOpen({ kind: 'payAll' })}
            >
              Pay all
            </button>
          ) : null}
        </div>
      </div>
      {balances.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the balances: {balances.error.message}
        </p>
      ) : null}
      <FeeBalancesSummary balances={balances.data} page={list.data} />
      <div className="fines-tab__toolbar">
        <FeeFilters
          value={filters}
          types={choices.types}
          onChange={(next) => {
            setFilters(next);
            setSelected(new Set());
            setPaging((p) => ({ ...p, pageIndex: 0 }));
          }}
        />
        {canWaive ? (
          <div className="fines-tab__actions">
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={selected.size === 0}
              onClick={() => setOpen({ kind: 'waive', target: { kind: 'selected', ids: [...selected] } })}
            >
              Waive selected
            </button>
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={!list.data || list.data.total === 0}
              onClick={() =>
                setOpen({
                  kind: 'waive',
                  target: { kind: 'all', ...filters, filtered: list.data?.filteredBalance ?? '0.00' },
                })
              }
            >
              Waive all
            </button>
          </div>
        ) : null}
      </div>
      {list.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the fines and fees: {list.error.message}
        </p>
      ) : (
        <DataTable
          caption="Fines and fees"
          rows={list.data?.fees ?? []}
          columns={columns}
          getRowId={(fee) => fee.id}
          loading={list.isFetching}
          emptyMessage="No fines or fees."
          initiallyHidden={hiddenFeeColumns}
          selection={canWaive ? { selectedIds: selected, onChange: setSelected } : undefined}
          pagination={{ ...paging, totalRows: list.data?.total ?? 0, onChange: setPaging }}
          rowActions={(fee) => (
            <FeeRowActions
              fee={fee}
              label={`Actions for ${choices.typeLabel(fee.type)} of ${fee.remainingBalance} ${fee.currency}`}
              activityOnTransferred={activityOnTransferred}
              onAction={(action, target) => setOpen({ kind: 'fee', action, fee: target })}
            />
          )}
          compact
        />
      )}
      {open?.kind === 'fee' ? <FeeDialog action={open.action} fee={open.fee} onClose={close} /> : null}
      {open?.kind === 'add' ? <AddFeeDialog userId={userId} currency={currency} onClose={close} /> : null}
      {open?.kind === 'payAll' ? (
        <PayAllDialog userId={userId} balance={balances.data?.active ?? '0.00'} currency={currency} onClose={close} />
      ) : null}
      {open?.kind === 'waive' ? (
        <WaiveManyDialog
          userId={userId}
          target={open.target}
          currency={currency}
          onWaived={() => setSelected(new Set())}
          onClose={close}
        />
      ) : null}
    </section>
  );
}
