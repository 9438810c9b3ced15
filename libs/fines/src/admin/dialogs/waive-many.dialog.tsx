import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { FeeStatus, WaivedFees } from '@ulms/fines/contracts';
import { errorAt, SelectField, TextAreaField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { choiceField, commentField } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({ reason: choiceField, comment: commentField });
const labels = { reason: 'Reason', comment: 'Comment' };

/** The selected fees, or every fee the list's filters match (across its pages). */
export type WaiveTarget =
  | { readonly kind: 'selected'; readonly ids: readonly string[] }
  | { readonly kind: 'all'; readonly status?: FeeStatus; readonly type?: string; readonly filtered: string };

export interface WaiveManyDialogProps {
  readonly userId: string;
  readonly target: WaiveTarget;
  readonly currency: string;
  readonly onWaived: () => void;
  readonly onClose: () => void;
}

/** Waive Selected and Waive All: each fee's whole remaining balance; the server refuses above the waiving limit. */
export function WaiveManyDialog({ userId, target, currency, onWaived, onClose }: WaiveManyDialogProps) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const waiveSelected = useMutation(trpc.fines.waiveSelected.mutationOptions());
  const waiveAll = useMutation(trpc.fines.waiveAll.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { reason: '', comment: '' } });
  const { errors } = form.formState;
  const what =
    target.kind === 'selected'
      ? `the ${target.ids.length === 1 ? 'selected fee' : `${target.ids.length} selected fees`}`
      : `every fee of the list (${formatMoney(target.filtered, currency)})`;
  const done = (waived: WaivedFees) =>
    changed(
      `${waived.fees.length === 1 ? '1 fee' : `${waived.fees.length} fees`} waived: ${formatMoney(waived.total, waived.currency)}.`,
    );
  return (
    <FeeActionDialog
      title={target.kind === 'selected' ? 'Waive selected' : 'Waive all'}
      form={form}
      fieldLabels={labels}
      submitLabel="Waive"
      confirmation={() => <p>Waive the whole remaining balance of {what}?</p>}
      send={async (output) => {
        const waived =
          target.kind === 'selected'
            ? await waiveSelected.mutateAsync({ userId, ids: [...target.ids], ...output })
            : await waiveAll.mutateAsync({ userId, status: target.status, type: target.type, ...output });
        await done(waived);
        onWaived();
        onClose();
      }}
      onClose={onClose}
    >
      <p>Waives the whole remaining balance of {what}.</p>
      <SelectField
        label="Reason"
        required
        placeholder="Choose a reason"
        options={choices.waiveReasons}
        error={errorAt(errors, 'reason')}
        {...form.register('reason')}
      />
      <TextAreaField
        label="Comment"
        maxLength={2000}
        error={errorAt(errors, 'comment')}
        {...form.register('comment')}
      />
    </FeeActionDialog>
  );
}
