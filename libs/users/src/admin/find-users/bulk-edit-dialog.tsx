import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Dialog,
  fieldErrorsOf,
  FormError,
  formMessageOf,
  SelectField,
  TextField,
  useNavigate,
  useToast,
} from '@ulms/ui';
import { fieldPermissions, userStatuses } from '@ulms/users/contracts';
import { type FormEvent, useId, useState } from 'react';
import { optionsOf } from '../shared/options.js';
import { jobReportLink } from '../shared/users-paths.js';
import { CodeSelect } from '../user-form/code-select.js';
import { usePermissions, useUsersTrpc } from '../users-admin-context.js';
import { type BulkField, bulkFields, changesOf } from './bulk-edit-changes.js';
import { filtersOf, type SearchState } from './search-state.js';

const statusOptions = optionsOf(userStatuses);

export interface BulkEditDialogProps {
  readonly search: SearchState;
  /** How many users the search finds, as the list shows it ("10,000+"). */
  readonly matchedText: string;
  readonly onClose: () => void;
}

/** Bulk edit: one change to every user the current search finds, run as a job; then the Jobs page. */
export function BulkEditDialog({ search, matchedText, onClose }: BulkEditDialogProps) {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const formId = useId();
  // Only the fields the server lets this staff member change (a purge date needs the delete permission).
  const permissions = usePermissions();
  const fieldOptions = bulkFields
    .filter(({ value }) => !fieldPermissions[value] || permissions.includes(fieldPermissions[value]))
    .map(({ value, label }) => ({ value, label }));
  const [field, setField] = useState<BulkField>('userGroup');
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const start = useMutation(
    trpc.users.bulkEdit.mutationOptions({
      onSuccess: (job) => {
        // The users change under the job: whatever is cached is read again when next shown.
        void queryClient.invalidateQueries({ ...trpc.users.pathFilter(), refetchType: 'none' });
        toast.show('Bulk edit started.', 'success');
        onClose();
        void navigate(jobReportLink(job.id));
      },
    }),
  );
  const spec = bulkFields.find((candidate) => candidate.value === field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(field, value);
    if (!changes) {
      setLocalError('choose the new value');
      return;
    }
    setLocalError(null);
    start.mutate({ search: filtersOf(search), changes });
  };
  const serverErrors = fieldErrorsOf(start.error);
  const valueError = localError ?? serverErrors[`changes.${field}`] ?? null;
  const label = `New ${spec?.label.toLowerCase() ?? 'value'}`;

  return (
    <Dialog
      open
      title="Bulk edit users"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="ui-button ui-button--primary"
            disabled={start.isPending}
            aria-busy={start.isPending}
          >
            {start.isPending ? 'Starting…' : 'Start bulk edit'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <p className="notice">
          The change applies to all <strong>{matchedText}</strong> users the current search finds, on every page, with
          the same rules as a single edit. It runs as a job; its report is on the Jobs page.
        </p>
        <FormError message={formMessageOf(start.error, [`changes.${field}`])} />
        <SelectField
          label="Field to change"
          options={fieldOptions}
          value={field}
          onChange={(e) => {
            setField(e.target.value as BulkField);
            setValue('');
            setLocalError(null);
          }}
        />
        {spec?.table ? (
          <CodeSelect
            key={field}
            table={spec.table}
            recordType={null}
            label={label}
            required
            value={value}
            onChange={setValue}
            error={valueError}
          />
        ) : spec?.date ? (
          <TextField
            key={field}
            label={label}
            type="date"
            hint="Leave empty to clear the date."
            value={value}
            error={valueError}
            onChange={(e) => setValue(e.target.value)}
          />
        ) : (
          <SelectField
            label={label}
            required
            options={statusOptions}
            placeholder="Choose…"
            value={value}
            error={valueError}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </form>
    </Dialog>
  );
}
