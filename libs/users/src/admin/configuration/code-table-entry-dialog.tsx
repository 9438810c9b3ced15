import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckboxField, Dialog, fieldErrorsOf, FormError, formMessageOf, TextField, useToast } from '@ulms/ui';
import {
  type CodeTable,
  type CodeTableEntryDto,
  codeTables,
  type RecordType,
  recordTypes,
} from '@ulms/users/contracts';
import { type FormEvent, useId, useState } from 'react';
import { optionsOf } from '../shared/options.js';
import { TypeChecklist } from '../user-form/type-checklist.js';
import { useUsersTrpc } from '../users-admin-context.js';

const recordTypeOptions = optionsOf(recordTypes);
const fields = ['code', 'description', 'recordTypes', 'active'];

export interface CodeTableEntryDialogProps {
  readonly table: CodeTable;
  /** The entry to edit; null to add one. */
  readonly entry: CodeTableEntryDto | null;
  readonly onClose: () => void;
}

/** Adds or edits one code-table entry, with the record types it applies to (none: all). */
export function CodeTableEntryDialog({ table, entry, onClose }: CodeTableEntryDialogProps) {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const formId = useId();
  const [code, setCode] = useState(entry?.code ?? '');
  const [description, setDescription] = useState(entry?.description ?? '');
  const [types, setTypes] = useState<readonly string[]>(entry?.recordTypes ?? []);
  const [active, setActive] = useState(entry?.active ?? true);
  const save = useMutation(
    trpc.users.codeTables.save.mutationOptions({
      onSuccess: async (saved) => {
        toast.show(`${saved.description} saved.`, 'success');
        await queryClient.invalidateQueries(trpc.users.codeTables.list.queryFilter());
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      table,
      code: code.trim(),
      description: description.trim(),
      recordTypes: types as RecordType[],
      active,
    });
  };
  const errors = fieldErrorsOf(save.error);
  return (
    <Dialog
      open
      title={`${entry ? 'Edit' : 'Add'} entry: ${codeTables[table]}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save entry'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError message={formMessageOf(save.error, fields)} />
        <TextField
          label="Code"
          required
          readOnly={entry !== null}
          hint={entry ? 'The code is what user records store; it cannot change.' : 'No spaces, e.g. UNDERGRAD.'}
          value={code}
          error={errors['code'] ?? null}
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          label="Description"
          required
          value={description}
          error={errors['description'] ?? null}
          onChange={(e) => setDescription(e.target.value)}
        />
        <TypeChecklist
          legend="Record types (none ticked: all)"
          options={recordTypeOptions}
          selected={types}
          error={errors['recordTypes'] ?? null}
          onChange={setTypes}
        />
        <CheckboxField
          label="Active"
          hint="Inactive entries stay on the users that have them but are not offered any more."
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
      </form>
    </Dialog>
  );
}
