import type { ProxyRelationDto } from '@ulms/proxies/contracts';
import { ActionsMenu, ActionsMenuItem } from '@ulms/ui';
import { nameOf } from './proxy-format.js';

export interface ProxyRowActionsProps {
  readonly relation: ProxyRelationDto;
  readonly onChangeExpiry: (relation: ProxyRelationDto) => void;
  readonly onRemove: (relation: ProxyRelationDto) => void;
}

/**
 * A Proxy For row's "⋯" menu: Change expiry date and Remove. A fulfillment proxy's link to its sponsor has none,
 * and the cell says why.
 */
export function ProxyRowActions({ relation, onChangeExpiry, onRemove }: ProxyRowActionsProps) {
  if (relation.fulfillment)
    return <span className="muted proxies-fixed">Fulfillment link: cannot be changed or removed</span>;
  return (
    <ActionsMenu label={`Actions for Proxy For ${nameOf(relation.patron)}`}>
      <ActionsMenuItem onSelect={() => onChangeExpiry(relation)}>Change expiry date</ActionsMenuItem>
      <ActionsMenuItem onSelect={() => onRemove(relation)}>Remove</ActionsMenuItem>
    </ActionsMenu>
  );
}
