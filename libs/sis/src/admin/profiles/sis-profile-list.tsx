import { useQuery } from '@tanstack/react-query';
import type { SisProfileDto } from '@ulms/sis/contracts';
import { type ColumnDef, DataTable, Link } from '@ulms/ui';
import { useMemo } from 'react';
import { formatDateTime } from '../sis-format.js';
import { useSisTrpc } from '../sis-admin-context.js';
import { profileLink } from './sis-profiles.search.js';

const modeLabels = { IMPORT: 'Import', SYNCHRONIZE: 'Synchronize' } as const;
const missingLabels = { NOTHING: 'Left as they are', DEACTIVATE: 'Deactivated', EXPIRE: 'Expired' } as const;

/** The institution's integration profiles, each a link to its editor. */
export function SisProfileList({ canManage }: { readonly canManage: boolean }) {
  const trpc = useSisTrpc();
  const profiles = useQuery(trpc.sis.profiles.list.queryOptions());
  const formats = useQuery(trpc.sis.formats.queryOptions());
  const columns = useMemo<ColumnDef<SisProfileDto>[]>(() => {
    const formatName = (id: string) => formats.data?.find((f) => f.id === id)?.name ?? id;
    return [
      {
        id: 'code',
        header: 'Code',
        enableHiding: false,
        cell: ({ row }) => (
          <Link {...profileLink(row.original.id)} aria-label={`${canManage ? 'Edit' : 'View'} ${row.original.code}`}>
            <code>{row.original.code}</code>
          </Link>
        ),
      },
      { id: 'name', header: 'Name', cell: ({ row }) => row.original.settings.name },
      { id: 'format', header: 'Format', cell: ({ row }) => formatName(row.original.settings.format) },
      { id: 'mode', header: 'Mode', cell: ({ row }) => modeLabels[row.original.settings.mode] },
      {
        id: 'missing',
        header: 'Missing users',
        cell: ({ row }) => missingLabels[row.original.settings.missingUsers.action],
      },
      { id: 'updatedAt', header: 'Changed', cell: ({ row }) => formatDateTime(row.original.updatedAt) },
    ];
  }, [formats.data, canManage]);
  if (profiles.isError)
    return (
      <p className="ui-form-error" role="alert">
        Could not load the profiles: {profiles.error.message}
      </p>
    );
  return (
    <DataTable
      caption="SIS integration profiles"
      rows={profiles.data ?? []}
      columns={columns}
      getRowId={(profile) => profile.id}
      loading={profiles.isPending}
      emptyMessage={canManage ? 'No profiles yet: add one for each kind of file the SIS sends.' : 'No profiles yet.'}
    />
  );
}
