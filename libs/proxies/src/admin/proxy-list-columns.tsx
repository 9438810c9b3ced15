import type { ProxyPartyDto, ProxyRelationDto } from '@ulms/proxies/contracts';
import { type ColumnDef, Link } from '@ulms/ui';
import { formatDate, formatDateTime, nameOf } from './proxy-format.js';
import { userDetailsLink } from './user-details-link.js';

/** Which side of a relation a list names: the patrons the user acts for, or the proxies acting for the user. */
export type ProxyListSide = 'patron' | 'proxy';

const partyOf = (relation: ProxyRelationDto, side: ProxyListSide): ProxyPartyDto =>
  side === 'patron' ? relation.patron : relation.proxy;

/**
 * The columns of one list: the other party (a link to their User Details, with the fulfillment mark), their
 * primary identifier, the expiry date, the status and who created the relation when.
 */
export function proxyColumns(side: ProxyListSide): ColumnDef<ProxyRelationDto>[] {
  return [
    {
      id: 'name',
      header: side === 'patron' ? 'Patron' : 'Proxy',
      enableHiding: false,
      cell: ({ row }) => {
        const party = partyOf(row.original, side);
        return (
          <div className="cell-stack proxies-party">
            <Link {...userDetailsLink(party.id, 'proxies')}>{nameOf(party)}</Link>
            {row.original.fulfillment ? (
              <span className="badge proxies-badge--fulfillment">
                {side === 'patron' ? 'Fulfillment proxy (sponsor)' : 'Fulfillment proxy'}
              </span>
            ) : null}
          </div>
        );
      },
    },
    { id: 'primaryId', header: 'Primary identifier', cell: ({ row }) => partyOf(row.original, side).primaryId },
    {
      id: 'expiryDate',
      header: 'Expiry date',
      cell: ({ row }) =>
        row.original.expiryDate ? (
          <span className="proxies-nowrap">{formatDate(row.original.expiryDate)}</span>
        ) : (
          <span className="muted">No end</span>
        ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) =>
        row.original.active ? (
          <span className="badge badge--on">Active</span>
        ) : (
          <span className="badge badge--off">Expired</span>
        ),
    },
    {
      id: 'created',
      header: 'Created',
      cell: ({ row }) => (
        <div className="cell-stack">
          <span>{row.original.createdBy}</span>
          <span className="muted proxies-nowrap">{formatDateTime(row.original.createdAt)}</span>
        </div>
      ),
    },
  ];
}
