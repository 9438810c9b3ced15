import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { errorAt, TextField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { optionalText } from '../fee-form.schema.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({
  itemBarcode: z.string().trim().min(1, 'is required').max(255),
  itemTitle: optionalText(255),
});
const labels = { itemBarcode: 'Item barcode', itemTitle: 'Title' };

/** Link to Item: the barcode (and title) of the item the fee is for. */
export function LinkItemDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const changed = useFeeChanged();
  const link = useMutation(trpc.fines.linkItem.mutationOptions());
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { itemBarcode: fee.itemBarcode ?? '', itemTitle: fee.itemTitle ?? '' },
  });
  const { errors } = form.formState;
  return (
    <FeeActionDialog
      title="Link to item"
      form={form}
      fieldLabels={labels}
      submitLabel="Link"
      confirmation={(output) => <p>Link this fee to the item {output.itemBarcode}?</p>}
      send={async (output) => {
        await link.mutateAsync({ id: fee.id, ...output });
        await changed('Fee linked to the item.');
        onClose();
      }}
      onClose={onClose}
    >
      <TextField
        label="Item barcode"
        required
        maxLength={255}
        error={errorAt(errors, 'itemBarcode')}
        {...form.register('itemBarcode')}
      />
      <TextField label="Title" maxLength={255} error={errorAt(errors, 'itemTitle')} {...form.register('itemTitle')} />
    </FeeActionDialog>
  );
}
