import type { BlockDto } from '@ulms/blocks/contracts';
import { ActionsMenu, ActionsMenuItem } from '@ulms/ui';

export interface BlockRowActionsProps {
  readonly block: BlockDto;
  /** Names the menu for assistive technology ("Actions for Lost card: Card reported stolen"). */
  readonly label: string;
  readonly onEdit: (block: BlockDto) => void;
  readonly onRemove: (block: BlockDto) => void;
}

/** A manual block's "⋯" menu: Edit and Remove. Automatic blocks have none (their rule ends them). */
export function BlockRowActions({ block, label, onEdit, onRemove }: BlockRowActionsProps) {
  return (
    <ActionsMenu label={label}>
      <ActionsMenuItem onSelect={() => onEdit(block)}>Edit</ActionsMenuItem>
      <ActionsMenuItem onSelect={() => onRemove(block)}>Remove</ActionsMenuItem>
    </ActionsMenu>
  );
}
