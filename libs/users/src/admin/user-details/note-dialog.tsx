import { useMutation } from '@tanstack/react-query';
import { CheckboxField, Dialog, fieldErrorsOf, FormError, formMessageOf, SelectField, TextAreaField, useToast } from '@ulms/ui';
import { noteTypes, type UserDto } from '@ulms/users/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { optionsOf } from '../shared/options.js';
import type { OwnerLibraries } from '../shared/use-owner-libraries.js';
import { useUsersTrpc } from '../users-admin-context.js';

const typeOptions = optionsOf(noteTypes);
const noteFields = ['text', 'noteType', 'ownerLibrary', 'popUp', 'userViewable', 'segmentType'];
const noteLabels = { text: 'Note', noteType: 'Type', ownerLibrary: 'Owner', segmentType: 'Add as external' };

interface NoteValues {
  readonly text: string;
  readonly noteType: string;
  readonly ownerLibrary: string;
  readonly popUp: boolean;
  readonly userViewable: boolean;
  readonly asExternal: boolean;
}

const empty: NoteValues = { text: '', noteType: 'GENERAL', ownerLibrary: '', popUp: false, userViewable: false, asExternal: false };

export interface NoteDialogProps {
  readonly user: UserDto;
  readonly owners: OwnerLibraries;
  readonly onAdded: () => Promise<void>;
  readonly onClose: () => void;
}

/** Add Note: "Add" keeps the dialog open for the next note, "Add and close" closes it. */
export function NoteDialog({ user, owners, onAdded, onClose }: NoteDialogProps) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const formId = useId();
  const [values, setValues] = useState<NoteValues>(empty);
  const closeAfter = useRef(false);
  const add = useMutation(
    trpc.users.notes.add.mutationOptions({
      onSuccess: async () => {
        toast.show('Note added.', 'success');
        await onAdded();
        if (closeAfter.current) onClose();
        else setValues((current) => ({ ...empty, noteType: current.noteType, ownerLibrary: current.ownerLibrary }));
      },
    }),
  );
  const set = (patch: Partial<NoteValues>) => setValues((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    closeAfter.current = submitter?.dataset['close'] === 'true';
    add.mutate({
      userId: user.id,
      text: values.text,
      noteType: values.noteType,
      ownerLibrary: owners.enabled && values.ownerLibrary ? values.ownerLibrary : null,
      popUp: values.popUp,
      userViewable: values.userViewable,
      segmentType: values.asExternal ? 'EXTERNAL' : 'INTERNAL',
    });
  };
  const errors = fieldErrorsOf(add.error);
  return (
    <Dialog
      open
      title="Add note"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button" disabled={add.isPending}>
            Add
          </button>
          <button type="submit" form={formId} data-close="true" className="ui-button ui-button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add and close'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError message={formMessageOf(add.error, noteFields)} fieldErrors={errors} fieldLabels={noteLabels} />
        <TextAreaField
          label="Note"
          required
          maxLength={4000}
          value={values.text}
          error={errors['text']}
          onChange={(e) => set({ text: e.target.value })}
        />
        <SelectField label="Type" options={typeOptions} value={values.noteType} error={errors['noteType']} onChange={(e) => set({ noteType: e.target.value })} />
        {owners.enabled ? (
          <SelectField
            label="Owner"
            hint="Only staff whose role is scoped to this library see the note."
            options={owners.options}
            placeholder="The institution"
            value={values.ownerLibrary}
            error={errors['ownerLibrary']}
            onChange={(e) => set({ ownerLibrary: e.target.value })}
          />
        ) : null}
        <CheckboxField label="Pop-up note" hint="Shown when the user's record is opened at the desk." checked={values.popUp} onChange={(e) => set({ popUp: e.target.checked })} />
        <CheckboxField label="User viewable" hint="The user can see the note." checked={values.userViewable} onChange={(e) => set({ userViewable: e.target.checked })} />
        {user.accountType === 'EXTERNAL' ? (
          <CheckboxField
            label="Add as external"
            hint="External data is replaced by the next SIS synchronisation."
            checked={values.asExternal}
            error={errors['segmentType']}
            onChange={(e) => set({ asExternal: e.target.checked })}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
