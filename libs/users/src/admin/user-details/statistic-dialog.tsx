import { useMutation } from '@tanstack/react-query';
import {
  CheckboxField,
  Dialog,
  errorAt,
  flatFieldErrors,
  FormError,
  formMessageOf,
  SelectField,
  setServerErrors,
  TextAreaField,
  useGuardedClose,
  useToast,
} from '@ulms/ui';
import { addStatisticInput, type UserDto } from '@ulms/users/contracts';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useCodeTable } from '../shared/use-code-table.js';
import type { OwnerLibraries } from '../shared/use-owner-libraries.js';
import { fromInput, resolverOf } from '../user-form/user-form.schema.js';
import { useUsersTrpc } from '../users-admin-context.js';

const statisticFields = ['categoryType', 'category', 'note', 'ownerLibrary', 'segmentType'];
const statisticLabels = {
  categoryType: 'Category type',
  category: 'Category',
  note: 'Note',
  ownerLibrary: 'Owner',
  segmentType: 'Add as external',
};

/** The server's statistic schema, for the fields the dialog shows. */
const statisticFormSchema = addStatisticInput.pick({ categoryType: true, category: true }).extend({
  note: fromInput(addStatisticInput.shape.note),
  ownerLibrary: fromInput(addStatisticInput.shape.ownerLibrary),
});
type StatisticFormOutput = z.output<typeof statisticFormSchema>;
interface StatisticFormValues {
  categoryType: string;
  category: string;
  note: string;
  ownerLibrary: string;
}

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
  const form = useForm<StatisticFormValues, unknown, StatisticFormOutput>({
    resolver: resolverOf(statisticFormSchema),
    defaultValues: { categoryType: '', category: '', note: '', ownerLibrary: '' },
  });
  const [asExternal, setAsExternal] = useState(false);
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const types = useCodeTable('STATISTIC_CATEGORY_TYPE', null, form.watch('categoryType'));
  const categories = useCodeTable('STATISTIC_CATEGORY', null, form.watch('category'));
  const add = useMutation(
    trpc.users.statistics.add.mutationOptions({
      onSuccess: async () => {
        toast.show('Statistic added.', 'success');
        await onAdded();
        onClose();
      },
      onError: (error) => setServerErrors(form.setError, error),
    }),
  );
  const submit = form.handleSubmit((output) =>
    add.mutate({
      userId: user.id,
      ...output,
      ownerLibrary: owners.enabled ? output.ownerLibrary : null,
      segmentType: asExternal ? 'EXTERNAL' : 'INTERNAL',
    }),
  );
  const { errors } = form.formState;
  const noCodes = types.options?.length === 0 && !types.loading;
  return (
    <Dialog
      open
      title="Add statistic"
      onClose={guard.requestClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={guard.requestClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add statistic'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError
          message={formMessageOf(add.error, statisticFields)}
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={statisticLabels}
        />
        {noCodes ? (
          <p className="notice">
            No statistical category types are configured yet; add them on the User configuration page.
          </p>
        ) : null}
        <SelectField
          label="Category type"
          required
          options={types.options ?? []}
          placeholder="Choose a category type"
          error={errorAt(errors, 'categoryType')}
          {...form.register('categoryType')}
        />
        <SelectField
          label="Category"
          required
          options={categories.options ?? []}
          placeholder="Choose a category"
          error={errorAt(errors, 'category')}
          {...form.register('category')}
        />
        <TextAreaField
          label="Note"
          rows={2}
          maxLength={1000}
          error={errorAt(errors, 'note')}
          {...form.register('note')}
        />
        {owners.enabled ? (
          <SelectField
            label="Owner"
            options={owners.options}
            placeholder="The institution"
            error={errorAt(errors, 'ownerLibrary')}
            {...form.register('ownerLibrary')}
          />
        ) : null}
        {user.accountType === 'EXTERNAL' ? (
          <CheckboxField
            label="Add as external"
            hint="External data is replaced by the next SIS synchronisation."
            checked={asExternal}
            error={errorAt(errors, 'segmentType')}
            onChange={(e) => setAsExternal(e.target.checked)}
          />
        ) : null}
      </form>
      {guard.dialog}
    </Dialog>
  );
}
