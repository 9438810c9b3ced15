import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { platformPermissions } from '@ulms/platform/contracts';
import { CheckboxField, errorAt, SelectField, TextAreaField, TextField, useAdminCan } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { amountField, choiceField, optionalText } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z
  .object({
    type: choiceField,
    ownerLibrary: optionalText(255),
    amount: amountField,
    itemBarcode: optionalText(255),
    comment: optionalText(2000),
    credit: z.boolean(),
  })
  .refine((values) => !values.credit || values.comment, {
    path: ['comment'],
    message: 'is required for a credit',
  });
const labels = {
  type: 'Type',
  ownerLibrary: 'Owner',
  amount: 'Amount',
  itemBarcode: 'Item barcode',
  comment: 'Comment',
};
const empty = { type: '', ownerLibrary: '', amount: '', itemBarcode: '', comment: '', credit: false };

export interface AddFeeDialogProps {
  readonly userId: string;
  readonly currency: string;
  readonly onClose: () => void;
}

/**
 * Add Fine or Fee, or a credit: "Add" keeps the dialog open, cleared, for the next one; "Add and Close" closes it.
 * The owner is the institution, or a library where the type allows one.
 */
export function AddFeeDialog({ userId, currency, onClose }: AddFeeDialogProps) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const canReadLibraries = useAdminCan(platformPermissions.libraryRead);
  const libraries = useQuery(trpc.platform.libraries.list.queryOptions(undefined, { enabled: canReadLibraries }));
  const add = useMutation(trpc.fines.add.mutationOptions());
  const credit = useMutation(trpc.fines.credit.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: empty });
  const { errors } = form.formState;
  const typeCode = form.watch('type');
  const isCredit = form.watch('credit');
  const libraryOwner = choices.config?.feeTypes.find((t) => t.code === typeCode)?.libraryOwner ?? false;
  const ownerOptions = (libraries.data ?? []).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }));
  return (
    <FeeActionDialog
      title="Add fine or fee"
      form={form}
      fieldLabels={labels}
      submitLabel="Add"
      closeLabel="Add and Close"
      confirmation={(output) => (
        <p>
          {output.credit ? 'Add a credit of' : 'Add a fee of'} {formatMoney(output.amount, currency)} (
          {choices.typeLabel(output.type)})?
        </p>
      )}
      send={async ({ credit: asCredit, itemBarcode, ...output }, after) => {
        const ownerLibrary = libraryOwner ? output.ownerLibrary : undefined;
        if (asCredit) await credit.mutateAsync({ userId, ...output, ownerLibrary, comment: output.comment ?? '' });
        else await add.mutateAsync({ userId, ...output, ownerLibrary, itemBarcode });
        if (!after.close) form.reset({ ...empty, type: output.type });
        await changed(asCredit ? 'Credit added.' : 'Fee added.');
        if (after.close) onClose();
      }}
      onClose={onClose}
    >
      <SelectField
        label="Type"
        required
        placeholder="Choose a type"
        options={choices.manualTypes}
        error={errorAt(errors, 'type')}
        {...form.register('type')}
      />
      <SelectField
        label="Owner"
        options={libraryOwner ? ownerOptions : []}
        placeholder="The institution"
        disabled={!libraryOwner}
        hint={typeCode && !libraryOwner ? 'Fees of this type are owned by the institution.' : undefined}
        error={errorAt(errors, 'ownerLibrary')}
        {...form.register('ownerLibrary')}
      />
      <TextField
        label="Amount"
        required
        inputMode="decimal"
        hint={currency ? `In ${currency}.` : undefined}
        error={errorAt(errors, 'amount')}
        {...form.register('amount')}
      />
      <CheckboxField
        label="Credit"
        hint="Money owed to the user, taken off the balance; the comment says why."
        {...form.register('credit')}
      />
      {isCredit ? null : (
        <TextField
          label="Item barcode"
          maxLength={255}
          error={errorAt(errors, 'itemBarcode')}
          {...form.register('itemBarcode')}
        />
      )}
      <TextAreaField
        label="Comment"
        required={isCredit}
        maxLength={2000}
        error={errorAt(errors, 'comment')}
        {...form.register('comment')}
      />
    </FeeActionDialog>
  );
}
