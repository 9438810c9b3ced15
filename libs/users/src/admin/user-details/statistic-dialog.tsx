import { useMutation } from '@tanstack/react-query';
import { CheckboxField, Dialog, fieldErrorsOf, FormError, formMessageOf, SelectField, TextAreaField, useToast } from '@ulms/ui';
import type { UserDto } from '@ulms/users/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useCodeTable } from '../shared/use-code-table.js';
import type { OwnerLibraries } from '../shared/use-owner-libraries.js';
import { useUsersTrpc } from '../users-admin-context.js';

const statisticFields = ['categoryType', 'category', 'note', 'ownerLibrary', 'segmentType'];
const statisticLabels = { categoryType: 'Category type', category: 'Category', note: 'Note', ownerLibrary: 'Owner', segmentType: 'Add as external' };

export interface StatisticDialogProps {
  readonly user: UserDto;
  readonly owners: OwnerLibraries;
  readonly onAdded: () => Promise<void>;
  readonly onClose: () => void;
}

/** Add statistic: a category type and a category from the institution's code tables, with a note. */
export function StatisticDialog({ user, owners, onAdded, onClose }: StatisticDialogProps) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const formId = useId();
  const [categoryType, setCategoryType] = useState('');
  const [category, setCategory] = useState('');
  const [note, setNote] = useState('');
  const [ownerLibrary, setOwnerLibrary] = useState('');
  const [asExternal, setAsExternal] = useState(false);
  const types = useCodeTable('STATISTIC_CATEGORY_TYPE', null, categoryType);
  const categories = useCodeTable('STATISTIC_CATEGORY', null, category);
  const add = useMutation(
    trpc.users.statistics.add.mutationOptions({
      onSuccess: async () => {
        toast.show('Statistic added.', 'success');
        await onAdded();
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({
      userId: user.id,
      categoryType,
      category,
      note: note.trim() || null,
      ownerLibrary: owners.enabled && ownerLibrary ? ownerLibrary : null,
      segmentType: asExternal ? 'EXTERNAL' : 'INTERNAL',
    });
  };
  const errors = fieldErrorsOf(add.error);
  const noCodes = types.options?.length === 0 && !types.loading;
  return (
    <Dialog
      open
      title="Add statistic"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add statistic'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError message={formMessageOf(add.error, statisticFields)} fieldErrors={errors} fieldLabels={statisticLabels} />
        {noCodes ? (
          <p className="notice">No statistical category types are configured yet; add them on the User configuration page.</p>
        ) : null}
        <SelectField
          label="Category type"
          required
          options={types.options ?? []}
          placeholder="Choose a category type"
          value={categoryType}
          error={errors['categoryType']}
          onChange={(e) => setCategoryType(e.target.value)}
        />
        <SelectField
          label="Category"
          required
          options={categories.options ?? []}
          placeholder="Choose a category"
          value={category}
          error={errors['category']}
          onChange={(e) => setCategory(e.target.value)}
        />
        <TextAreaField label="Note" rows={2} maxLength={1000} value={note} error={errors['note']} onChange={(e) => setNote(e.target.value)} />
        {owners.enabled ? (
          <SelectField
            label="Owner"
            options={owners.options}
            placeholder="The institution"
            value={ownerLibrary}
            error={errors['ownerLibrary']}
            onChange={(e) => setOwnerLibrary(e.target.value)}
          />
        ) : null}
        {user.accountType === 'EXTERNAL' ? (
          <CheckboxField
            label="Add as external"
            hint="External data is replaced by the next SIS synchronisation."
            checked={asExternal}
            error={errors['segmentType']}
            onChange={(e) => setAsExternal(e.target.checked)}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
