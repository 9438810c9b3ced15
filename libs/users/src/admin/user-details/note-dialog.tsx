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
import { addNoteInput, type NoteDto, noteTypes, type UserDto } from '@ulms/users/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { optionsOf } from '../shared/options.js';
import type { OwnerLibraries } from '../shared/use-owner-libraries.js';
import { fromInput, resolverOf } from '../user-form/user-form.schema.js';
import { useUsersTrpc } from '../users-admin-context.js';

const typeOptions = optionsOf(noteTypes);
const noteFields = ['text', 'noteType', 'ownerLibrary', 'popUp', 'userViewable', 'segmentType'];
const noteLabels = { text: 'Note', noteType: 'Type', ownerLibrary: 'Owner', segmentType: 'Add as external' };

/** The server's note schema, for the fields the dialog shows ('' for the institution as owner). */
const noteFormSchema = addNoteInput
  .pick({ text: true, noteType: true, popUp: true, userViewable: true })
  .extend({ ownerLibrary: fromInput(addNoteInput.shape.ownerLibrary) });
type NoteFormOutput = z.output<typeof noteFormSchema>;
interface NoteFormValues {
  text: string;
  noteType: string;
  ownerLibrary: string;
  popUp: boolean;
  userViewable: boolean;
}

const valuesOf = (note: NoteDto | null): NoteFormValues => ({
  text: note?.text ?? '',
  noteType: note?.noteType ?? 'GENERAL',
  ownerLibrary: note?.ownerLibrary ?? '',
  popUp: note?.popUp ?? false,
  userViewable: note?.userViewable ?? false,
});

export interface NoteDialogProps {
  readonly user: UserDto;
  readonly owners: OwnerLibraries;
  /** The note to edit; null to add notes. */
  readonly note?: NoteDto | null;
  readonly onSaved: () => Promise<void>;
  readonly onClose: () => void;
}

/** Add Note ("Add" keeps the dialog open for the next note, "Add and close" closes it), or Edit note. */
export function NoteDialog({ user, owners, note = null, onSaved, onClose }: NoteDialogProps) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const formId = useId();
  const form = useForm<NoteFormValues, unknown, NoteFormOutput>({
    resolver: resolverOf(noteFormSchema),
    defaultValues: valuesOf(note),
  });
  const [asExternal, setAsExternal] = useState(false);
  const closeAfter = useRef(false);
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const onError = (error: unknown) => setServerErrors(form.setError, error);
  const add = useMutation(
    trpc.users.notes.add.mutationOptions({
      onSuccess: async () => {
        toast.show('Note added.', 'success');
        await onSaved();
        if (closeAfter.current) onClose();
        else {
          const { noteType, ownerLibrary } = form.getValues();
          form.reset({ ...valuesOf(null), noteType, ownerLibrary });
        }
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.users.notes.update.mutationOptions({
      onSuccess: async () => {
        toast.show('Note saved.', 'success');
        await onSaved();
        onClose();
      },
      onError,
    }),
  );
  const saving = note ? update : add;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    closeAfter.current = submitter?.dataset['close'] === 'true';
    void form.handleSubmit((output) => {
      const ownerLibrary = owners.enabled ? output.ownerLibrary : null;
      if (note) update.mutate({ userId: user.id, id: note.id, ...output, ownerLibrary });
      else add.mutate({ userId: user.id, ...output, ownerLibrary, segmentType: asExternal ? 'EXTERNAL' : 'INTERNAL' });
    })(event);
  };
  const { errors } = form.formState;
  return (
    <Dialog
      open
      title={note ? 'Edit note' : 'Add note'}
      onClose={guard.requestClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={guard.requestClose}>
            Cancel
          </button>
          {note ? (
            <button
              type="submit"
              form={formId}
              data-close="true"
              className="ui-button ui-button--primary"
              disabled={saving.isPending}
            >
              {saving.isPending ? 'Saving…' : 'Save note'}
            </button>
          ) : (
            <>
              <button type="submit" form={formId} className="ui-button" disabled={saving.isPending}>
                Add
              </button>
              <button
                type="submit"
                form={formId}
                data-close="true"
                className="ui-button ui-button--primary"
                disabled={saving.isPending}
              >
                {saving.isPending ? 'Adding…' : 'Add and close'}
              </button>
            </>
          )}
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError
          message={formMessageOf(saving.error, noteFields)}
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={noteLabels}
        />
        <TextAreaField
          label="Note"
          required
          maxLength={4000}
          error={errorAt(errors, 'text')}
          {...form.register('text')}
        />
        <SelectField
          label="Type"
          options={typeOptions}
          error={errorAt(errors, 'noteType')}
          {...form.register('noteType')}
        />
        {owners.enabled ? (
          <SelectField
            label="Owner"
            hint="Only staff whose role is scoped to this library see the note."
            options={owners.options}
            placeholder="The institution"
            error={errorAt(errors, 'ownerLibrary')}
            {...form.register('ownerLibrary')}
          />
        ) : null}
        <CheckboxField
          label="Pop-up note"
          hint="Shown when the user's record is opened at the desk."
          {...form.register('popUp')}
        />
        <CheckboxField label="User viewable" hint="The user can see the note." {...form.register('userViewable')} />
        {user.accountType === 'EXTERNAL' && !note ? (
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
