import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BlockDto } from '@ulms/blocks/contracts';
import {
  CheckboxField,
  Dialog,
  errorAt,
  errorCodeOf,
  flatFieldErrors,
  FormDialogActions,
  FormError,
  formMessageOf,
  SelectField,
  type SelectOption,
  setServerErrors,
  TextAreaField,
  TextField,
  useGuardedClose,
} from '@ulms/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useBlocksTrpc } from '../blocks-admin-context.js';
import { useBlocksChanged } from '../use-blocks-changed.js';
import { useBlocksChoices } from '../use-blocks-choices.js';
import { useOwnerLibraries } from '../use-owner-libraries.js';
import {
  blockFieldLabels,
  type BlockFormOutput,
  blockFormSchema,
  type BlockFormValues,
  emptyBlockForm,
  formValuesOf,
} from './block-form.schema.js';

const conflictMessage =
  'Someone else changed this block since you opened it: the form now shows their version. Make your change again.';

export interface BlockDialogProps {
  readonly userId: string;
  /** The block to edit, as the list has it now (a newer version after a conflict); none to add one. */
  readonly block?: BlockDto;
  /** The user is external (owned by the SIS): only then may a block be marked external. */
  readonly externalUser: boolean;
  readonly onClose: () => void;
}

/** A choice kept even when it is no longer offered (a type removed from the list, a library not readable). */
const withCurrent = (options: readonly SelectOption[], current: string | null | undefined, label = current) =>
  current && !options.some((option) => option.value === current)
    ? [...options, { value: current, label: label ?? current }]
    : options;

/** Add block, or edit one: the server's messages go under their fields; Cancel asks before dropping edits. */
export function BlockDialog({ userId, block, externalUser, onClose }: BlockDialogProps) {
  const trpc = useBlocksTrpc();
  const choices = useBlocksChoices();
  const libraries = useOwnerLibraries();
  const changed = useBlocksChanged();
  const formId = useId();
  const [error, setError] = useState<unknown>(null);
  const add = useMutation(trpc.blocks.add.mutationOptions());
  const update = useMutation(trpc.blocks.update.mutationOptions());
  const form = useForm<BlockFormValues, unknown, BlockFormOutput>({
    resolver: zodResolver(blockFormSchema),
    defaultValues: block ? formValuesOf(block) : emptyBlockForm,
  });
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const queryClient = useQueryClient();
  // After a conflict the list is read again: the form takes the block's current values and version.
  const shownVersion = useRef(block?.version);
  useEffect(() => {
    if (!block || block.version === shownVersion.current) return;
    shownVersion.current = block.version;
    form.reset(formValuesOf(block));
  }, [block, form]);
  const { errors } = form.formState;
  const sending = form.formState.isSubmitting;

  const send = async (output: BlockFormOutput) => {
    setError(null);
    const external = externalUser ? output.external : undefined;
    try {
      if (block) await update.mutateAsync({ id: block.id, version: block.version, ...output, external });
      else await add.mutateAsync({ userId, ...output, external });
    } catch (failure) {
      setServerErrors(form.setError, failure);
      setError(failure);
      if (errorCodeOf(failure) === 'CONFLICT') await queryClient.invalidateQueries(trpc.blocks.list.pathFilter());
      return;
    }
    await changed(block ? 'Block saved.' : 'Block added.');
    onClose();
  };

  return (
    <Dialog
      open
      title={block ? `Edit block: ${choices.typeLabel(block.type)}` : 'Add block'}
      onClose={guard.requestClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={sending}
          label={block ? 'Save' : 'Add block'}
          busyLabel="Saving…"
          onCancel={guard.requestClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={(event) => void form.handleSubmit(send)(event)}>
        <FormError
          message={
            errorCodeOf(error) === 'CONFLICT' ? conflictMessage : formMessageOf(error, Object.keys(blockFieldLabels))
          }
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={blockFieldLabels}
        />
        <SelectField
          label="Type"
          required
          placeholder="Choose a type"
          options={withCurrent(choices.types, block?.type)}
          hint="What the block stops comes from its type."
          error={errorAt(errors, 'type')}
          {...form.register('type')}
        />
        <TextAreaField
          label="Description"
          maxLength={2000}
          rows={2}
          error={errorAt(errors, 'description')}
          {...form.register('description')}
        />
        <TextAreaField
          label="Note"
          maxLength={2000}
          rows={2}
          hint="For staff only."
          error={errorAt(errors, 'note')}
          {...form.register('note')}
        />
        <TextField
          label="Expiry date"
          type="date"
          hint="The last day the block is active; leave empty for a block without end."
          error={errorAt(errors, 'expiryDate')}
          {...form.register('expiryDate')}
        />
        <SelectField
          label="Owner library"
          placeholder="The institution"
          options={withCurrent(libraries, block?.ownerLibrary)}
          error={errorAt(errors, 'ownerLibrary')}
          {...form.register('ownerLibrary')}
        />
        {externalUser ? (
          <CheckboxField
            label="External"
            hint="Owned by the SIS: the next synchronisation replaces it."
            error={errorAt(errors, 'external')}
            {...form.register('external')}
          />
        ) : null}
      </form>
      {guard.dialog}
    </Dialog>
  );
}
