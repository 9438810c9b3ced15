import { useQuery } from '@tanstack/react-query';
import { type BlockDto, blocksPermissions as can } from '@ulms/blocks/contracts';
import { DataTable, SelectField, type SortingState, useAdminCan } from '@ulms/ui';
import { useMemo, useState } from 'react';
import { BlockCheckSummary } from './block-check-summary.js';
import { blockColumns } from './block-list-columns.js';
import { BlockRowActions } from './block-row-actions.js';
import {
  type BlockStatusFilter,
  defaultSorting,
  rowsOf,
  statusFilterOptions,
  titleOf,
  visibleRows,
} from './block-rows.js';
import { useBlocksTrpc } from './blocks-admin-context.js';
import { BlockDialog } from './dialogs/block.dialog.js';
import { RemoveBlockDialog } from './dialogs/remove-block.dialog.js';
import { useBlocksChoices } from './use-blocks-choices.js';
import { useOwnerLibraries } from './use-owner-libraries.js';
import { useUserRecord } from './use-user-record.js';

const actionsLabel = (title: string, block: BlockDto) =>
  block.description ? `Actions for ${title}: ${block.description.slice(0, 60)}` : `Actions for ${title}`;

type Open =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly block: BlockDto }
  | { readonly kind: 'remove'; readonly block: BlockDto };

/** The Blocks tab of User Details: what is blocked now, and the user's manual and automatic blocks. */
export function BlocksTab({ userId }: { readonly userId: string }) {
  const trpc = useBlocksTrpc();
  const choices = useBlocksChoices();
  const user = useUserRecord(userId);
  const canManage = useAdminCan(can.blockManage);
  const [filter, setFilter] = useState<BlockStatusFilter>('all');
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [open, setOpen] = useState<Open | null>(null);
  const list = useQuery(trpc.blocks.list.queryOptions({ userId }));
  const libraries = useOwnerLibraries();
  const columns = useMemo(() => {
    const names = new Map(libraries.map((library) => [library.value, library.label]));
    return blockColumns(choices, (code) => names.get(code) ?? code);
  }, [choices, libraries]);
  const rows = useMemo(
    () => visibleRows(rowsOf(list.data), filter, sorting, choices),
    [list.data, filter, sorting, choices],
  );
  const externalUser = user?.accountType === 'EXTERNAL';
  // The block being edited as the list has it now: a newer version once the list is read again after a conflict.
  const editing =
    open?.kind === 'edit' ? (list.data?.manual.find((block) => block.id === open.block.id) ?? open.block) : null;
  const close = () => setOpen(null);

  return (
    <section className="blocks-tab" aria-labelledby="blocks-tab-title">
      <div className="blocks-tab__header">
        <h2 id="blocks-tab-title">Blocks</h2>
        {canManage ? (
          <button type="button" className="ui-button ui-button--small" onClick={() => setOpen({ kind: 'add' })}>
            Add block
          </button>
        ) : null}
      </div>
      <BlockCheckSummary userId={userId} />
      <div className="blocks-tab__toolbar">
        <SelectField
          label="Show"
          className="blocks-tab__filter"
          options={statusFilterOptions}
          value={filter}
          onChange={(event) => setFilter(event.target.value as BlockStatusFilter)}
        />
      </div>
      {list.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the blocks: {list.error.message}
        </p>
      ) : (
        <DataTable
          caption="Blocks"
          rows={rows}
          columns={columns}
          getRowId={(row) => row.id}
          loading={list.isFetching}
          emptyMessage={filter === 'expired' ? 'No expired blocks.' : 'No blocks.'}
          sorting={{ value: sorting, onChange: setSorting }}
          rowActions={
            canManage
              ? (row) =>
                  row.kind === 'manual' ? (
                    <BlockRowActions
                      block={row.block}
                      label={actionsLabel(titleOf(row, choices), row.block)}
                      onEdit={(block) => setOpen({ kind: 'edit', block })}
                      onRemove={(block) => setOpen({ kind: 'remove', block })}
                    />
                  ) : null
              : undefined
          }
        />
      )}
      {open?.kind === 'add' ? <BlockDialog userId={userId} externalUser={externalUser} onClose={close} /> : null}
      {editing ? <BlockDialog userId={userId} block={editing} externalUser={externalUser} onClose={close} /> : null}
      {open?.kind === 'remove' ? (
        <RemoveBlockDialog block={open.block} title={choices.typeLabel(open.block.type)} onClose={close} />
      ) : null}
    </section>
  );
}
