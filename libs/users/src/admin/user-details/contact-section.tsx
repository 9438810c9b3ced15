import { type ColumnDef, ConfirmDialog, DataTable, fieldErrorsOf, formMessageOf } from '@ulms/ui';
import type { SegmentType, UserDto } from '@ulms/users/contracts';
import { useMemo, useState } from 'react';
import { updateInputOf } from '../user-form/user-update-input.js';
import { ContactEntryDialog } from './contact-entry-dialog.js';
import type { ContactKind } from './contact-kinds.js';
import type { SaveUser } from './use-save-user.js';

type Entry = { readonly id: string; readonly segmentType: SegmentType; readonly preferred?: boolean };

export interface ContactSectionProps<Dto extends Entry> {
  readonly kind: ContactKind<Dto>;
  readonly user: UserDto;
  readonly entries: readonly Dto[];
  readonly saver: SaveUser;
  readonly canEdit: boolean;
}

type Editing<Dto> = { readonly entry: Dto | null };

function columnsOf<Dto extends Entry>(kind: ContactKind<Dto>): ColumnDef<Dto>[] {
  return [
    {
      id: 'value',
      header: kind.noun === 'identifier' ? 'Value' : kind.title,
      enableHiding: false,
      cell: ({ row }) => kind.describe(row.original).main,
    },
    { id: 'types', header: 'Type', cell: ({ row }) => kind.describe(row.original).types },
    ...(kind.hasPreferred
      ? [
          {
            id: 'preferred',
            header: 'Preferred',
            cell: ({ row }) => (row.original.preferred ? <span className="badge badge--on">Preferred</span> : null),
          } satisfies ColumnDef<Dto>,
        ]
      : []),
    {
      id: 'segment',
      header: 'Source',
      cell: ({ row }) =>
        row.original.segmentType === 'EXTERNAL' ? (
          <span className="badge users-badge--external" title="From the SIS; read-only">
            External
          </span>
        ) : (
          <span className="badge badge--off">Internal</span>
        ),
    },
  ];
}

/** One list of the user (emails, addresses, phones or identifiers) with add, edit and remove. */
export function ContactSection<Dto extends Entry>({ kind, user, entries, saver, canEdit }: ContactSectionProps<Dto>) {
  const [editing, setEditing] = useState<Editing<Dto> | null>(null);
  const [removing, setRemoving] = useState<Dto | null>(null);
  const columns = useMemo(() => columnsOf(kind), [kind]);
  const external = user.accountType === 'EXTERNAL';
  const base = updateInputOf(user);
  const current = base[kind.list] as (object & { id?: string; preferred?: boolean })[];

  const editedIndex = editing ? (editing.entry ? entries.indexOf(editing.entry) : entries.length) : -1;
  const save = (values: Record<string, unknown>, segmentType: SegmentType) => {
    const entry = editing?.entry ?? null;
    const input: Record<string, unknown> = { ...values, segmentType, ...(entry ? { id: entry.id } : {}) };
    const others = input['preferred'] ? current.map((item) => ({ ...item, preferred: false })) : current;
    const list = entry ? others.map((item) => (item.id === entry.id ? input : item)) : [...others, input];
    saver.save({ ...base, [kind.list]: list }, () => setEditing(null), `${capitalise(kind.noun)} saved.`);
  };
  const remove = (entry: Dto) => {
    saver.save(
      { ...base, [kind.list]: current.filter((item) => item.id !== entry.id) },
      () => setRemoving(null),
      `${capitalise(kind.noun)} removed.`,
    );
  };
  const mayChange = (entry: Dto) => canEdit && !(external && entry.segmentType === 'EXTERNAL');
  const serverErrors = fieldErrorsOf(saver.error);
  const errorPrefix = `${kind.list}.${editedIndex}.`;

  return (
    <section className="users-contact-section" aria-labelledby={`section-${kind.list}`}>
      <div className="users-section-header">
        <h2 id={`section-${kind.list}`}>{kind.title}</h2>
        {canEdit ? (
          <button
            type="button"
            className="ui-button ui-button--small"
            onClick={() => {
              saver.reset();
              setEditing({ entry: null });
            }}
          >
            Add {kind.noun}
          </button>
        ) : null}
      </div>
      <DataTable
        caption={kind.title}
        rows={entries}
        columns={columns}
        getRowId={(entry) => entry.id}
        emptyMessage={`No ${kind.title.toLowerCase()}.`}
        rowActions={(entry) =>
          mayChange(entry) ? (
            <>
              <button
                type="button"
                className="ui-button ui-button--small"
                aria-label={`Edit ${kind.noun} ${entries.indexOf(entry) + 1}`}
                onClick={() => {
                  saver.reset();
                  setEditing({ entry });
                }}
              >
                Edit
              </button>
              <button
                type="button"
                className="ui-button ui-button--small"
                aria-label={`Remove ${kind.noun} ${entries.indexOf(entry) + 1}`}
                onClick={() => setRemoving(entry)}
              >
                Remove
              </button>
            </>
          ) : external && entry.segmentType === 'EXTERNAL' ? (
            <span className="muted">Read-only</span>
          ) : null
        }
      />
      {editing ? (
        <ContactEntryDialog
          kind={kind}
          entry={editing.entry}
          first={entries.length === 0}
          recordType={user.recordType}
          externalUser={external}
          serverError={saver.error}
          errorPrefix={errorPrefix}
          formMessage={
            saver.error
              ? formMessageOf(
                  saver.error,
                  Object.keys(serverErrors).filter((f) => f.startsWith(errorPrefix)),
                )
              : null
          }
          busy={saver.pending}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove this ${kind.noun}?`}
        message={<p>{removing ? kind.describe(removing).main : null}</p>}
        confirmLabel={`Remove ${kind.noun}`}
        danger
        busy={saver.pending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove(removing)}
      />
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
