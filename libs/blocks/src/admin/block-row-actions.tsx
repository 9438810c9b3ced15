import type { BlockDto } from '@ulms/blocks/contracts';
import type { BlockRow } from './block-rows.js';

export interface BlockRowActionsProps {
  readonly row: BlockRow;
  /** The type's description or the rule's title, naming the buttons. */
  readonly title: string;
  readonly canManage: boolean;
  readonly onEdit: (block: BlockDto) => void;
  readonly onRemove: (block: BlockDto) => void;
}

/** Edit and Remove for a manual block; an automatic one says which rule computes it (it ends when the rule says). */
export function BlockRowActions({ row, title, canManage, onEdit, onRemove }: BlockRowActionsProps) {
  if (row.kind === 'automatic') {
    return <span className="muted blocks-computed">Computed by the rule “{title}”</span>;
  }
  if (!canManage) return null;
  return (
    <>
      <button
        type="button"
        className="ui-button ui-button--small"
        aria-label={`Edit block ${title}`}
        onClick={() => onEdit(row.block)}
      >
        Edit
      </button>
      <button
        type="button"
        className="ui-button ui-button--small"
        aria-label={`Remove block ${title}`}
        onClick={() => onRemove(row.block)}
      >
        Remove
      </button>
    </>
  );
}
