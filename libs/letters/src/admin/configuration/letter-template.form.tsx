import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LetterTemplateDto, LetterTypeDto } from '@ulms/letters/contracts';
import {
  errorAt,
  errorCodeOf,
  flatFieldErrors,
  FormError,
  formMessageOf,
  setServerErrors,
  TextAreaField,
  TextField,
  useToast,
  useUnsavedChangesGuard,
} from '@ulms/ui';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLettersTrpc } from '../letters-admin-context.js';
import { LetterPreview } from './letter-preview.js';
import {
  formValuesOf,
  letterTemplateResolver,
  templateFieldLabels,
  templateFields,
  type LetterTemplateFormValues,
} from './letter-template.form-schema.js';
import { type PreviewRecipient, PreviewRecipientPicker } from './preview-recipient.picker.js';
import { ResetTemplateDialog } from './reset-template.dialog.js';
import { TemplateVariables } from './template-variables.js';
import { useLetterPreview } from './use-letter-preview.js';
import { WordingStatus } from './wording-status.js';

const conflictMessage =
  'Someone else changed this wording since you opened it: the form now shows theirs. Make your change again.';

/** Which stored wording the form shows: a save, a reset or a change by someone else makes another. */
const stampOf = (template: LetterTemplateDto) => `${template.version}|${template.updatedAt?.toISOString() ?? ''}`;

export interface LetterTemplateFormProps {
  readonly type: LetterTypeDto;
  readonly template: LetterTemplateDto;
}

/** A letter type's wording in one language, with a live preview; saved over the version read, or reset. */
export function LetterTemplateForm({ type, template }: LetterTemplateFormProps) {
  const trpc = useLettersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const [resetting, setResetting] = useState(false);
  const [recipient, setRecipient] = useState<PreviewRecipient | null>(null);
  const form = useForm<LetterTemplateFormValues, unknown, LetterTemplateFormValues>({
    resolver: letterTemplateResolver,
    defaultValues: formValuesOf(template),
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const shown = useRef(stampOf(template));
  useEffect(() => {
    if (stampOf(template) === shown.current) return;
    shown.current = stampOf(template);
    form.reset(formValuesOf(template));
  }, [template, form]);
  const preview = useLetterPreview({
    letterTypeId: type.id,
    language: template.language,
    ...form.watch(),
    userId: recipient?.id,
  });
  const save = useMutation(trpc.letters.templates.save.mutationOptions());
  const ref = { letterTypeId: type.id, language: template.language };

  const send = async (values: LetterTemplateFormValues) => {
    setError(null);
    try {
      const saved = await save.mutateAsync({ ...ref, ...values, expectedVersion: template.version });
      queryClient.setQueryData(trpc.letters.templates.get.queryKey(ref), saved);
      toast.show('Wording saved.', 'success');
      await queryClient.invalidateQueries(trpc.letters.types.queryFilter());
    } catch (failure) {
      setServerErrors(form.setError, failure);
      setError(failure);
      if (errorCodeOf(failure) === 'CONFLICT')
        await Promise.all([
          queryClient.invalidateQueries(trpc.letters.templates.get.queryFilter(ref)),
          queryClient.invalidateQueries(trpc.letters.types.queryFilter()),
        ]);
    }
  };
  const { errors } = form.formState;
  // A save's error, else the live preview's: a template error shows under its field as it is typed.
  const fieldError = (name: (typeof templateFields)[number]) => errorAt(errors, name) ?? preview.fieldErrors[name];

  return (
    <div className="letters-editor">
      <form
        className="panel ui-form letters-editor__form"
        aria-label="Wording"
        noValidate
        onSubmit={(event) => void form.handleSubmit(send)(event)}
      >
        <WordingStatus type={type} template={template} />
        <FormError
          message={errorCodeOf(error) === 'CONFLICT' ? conflictMessage : formMessageOf(error, [...templateFields])}
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={templateFieldLabels}
        />
        <TemplateVariables variables={type.variables} />
        <TextField
          label="Subject"
          required
          maxLength={500}
          error={fieldError('subject')}
          {...form.register('subject')}
        />
        <TextAreaField
          label="HTML body"
          required
          rows={12}
          className="letters-code"
          spellCheck={false}
          error={fieldError('html')}
          {...form.register('html')}
        />
        <TextAreaField
          label="Plain text"
          rows={6}
          className="letters-code"
          hint="Optional: when empty, the plain text is made from the HTML."
          error={fieldError('text')}
          {...form.register('text')}
        />
        <div className="letters-editor__actions">
          <button
            type="button"
            className="ui-button"
            disabled={template.version === null}
            onClick={() => setResetting(true)}
          >
            Reset to shipped wording
          </button>
          <button type="submit" className="ui-button ui-button--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save wording'}
          </button>
        </div>
      </form>
      <LetterPreview
        rendered={preview.rendered}
        pending={preview.pending}
        stale={Object.keys(preview.fieldErrors).length > 0}
        failure={preview.failure}
        recipient={<PreviewRecipientPicker value={recipient} onChange={setRecipient} />}
      />
      {resetting ? (
        <ResetTemplateDialog
          letterTypeId={type.id}
          typeName={type.name}
          language={template.language}
          onClose={() => setResetting(false)}
        />
      ) : null}
      {guard.dialog}
    </div>
  );
}
