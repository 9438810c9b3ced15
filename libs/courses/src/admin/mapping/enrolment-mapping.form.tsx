import { useMutation, useQueryClient } from '@tanstack/react-query';
import { coursesPermissions, type ImportMappingDto } from '@ulms/courses/contracts';
import {
  errorAt,
  errorCodeOf,
  fieldErrorsOf,
  flatFieldErrors,
  FormError,
  formMessageOf,
  SelectField,
  useAdminCan,
  useToast,
  useUnsavedChangesGuard,
} from '@ulms/ui';
import { useEffect, useRef, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { EnrolmentColumnsEditor } from './enrolment-columns.editor.js';
import { EnrolmentFieldsList } from './enrolment-fields.list.js';
import {
  delimiterOptions,
  type EnrolmentMappingFormValues,
  formPathOf,
  formValuesOf,
  labelOf,
  saveInputOf,
} from './enrolment-mapping.form-schema.js';

/** A server error path the form has a place for (the others are said at its top). */
const placed = (path: string) => labelOf(formPathOf(path)) !== formPathOf(path);

const conflictMessage =
  'Someone else changed the mapping since you opened it: the form now shows their version. Make your change again.';

/** The institution's CSV mapping of enrolment files: the delimiter and each column's enrolment field. */
export function EnrolmentMappingForm({ mapping }: { readonly mapping: ImportMappingDto }) {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canManage = useAdminCan(coursesPermissions.mappingManage);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<EnrolmentMappingFormValues>({ defaultValues: formValuesOf(mapping) });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  // A newer version read (after a conflict) replaces what the form shows.
  const shown = useRef(mapping.version);
  useEffect(() => {
    if (mapping.version === shown.current) return;
    shown.current = mapping.version;
    form.reset(formValuesOf(mapping));
  }, [mapping, form]);
  const save = useMutation(trpc.courses.mapping.save.mutationOptions());
  const { errors } = form.formState;

  const send = async (values: EnrolmentMappingFormValues) => {
    setError(null);
    try {
      const saved = await save.mutateAsync(saveInputOf(values, mapping.version));
      shown.current = saved.version;
      queryClient.setQueryData(trpc.courses.mapping.get.queryKey(), saved);
      form.reset(formValuesOf(saved));
      toast.show('Enrolment file mapping saved.', 'success');
    } catch (failure) {
      for (const [path, message] of Object.entries(fieldErrorsOf(failure)).filter(([path]) => placed(path)))
        form.setError(formPathOf(path) as FieldPath<EnrolmentMappingFormValues>, { type: 'server', message });
      setError(failure);
      if (errorCodeOf(failure) === 'CONFLICT')
        await queryClient.invalidateQueries(trpc.courses.mapping.get.queryFilter());
    }
  };

  const knownFields = Object.keys(fieldErrorsOf(error)).filter(placed);
  const summary = flatFieldErrors(errors);
  return (
    <form
      className="panel ui-form courses-mapping-form"
      aria-label="Enrolment file mapping"
      noValidate
      onSubmit={(event) => void form.handleSubmit(send)(event)}
    >
      <FormError
        message={errorCodeOf(error) === 'CONFLICT' ? conflictMessage : formMessageOf(error, knownFields)}
        fieldErrors={summary}
        fieldLabels={Object.fromEntries(Object.keys(summary).map((path) => [path, labelOf(path)]))}
      />
      <fieldset className="courses-fieldset courses-delimiter" disabled={!canManage}>
        <legend>File</legend>
        <SelectField
          label="Delimiter"
          hint="What separates the cells of a row."
          options={delimiterOptions}
          error={errorAt(errors, 'delimiter')}
          {...form.register('delimiter')}
        />
      </fieldset>
      <EnrolmentColumnsEditor form={form} disabled={!canManage} />
      <EnrolmentFieldsList />
      {canManage ? (
        <div className="courses-actions">
          <button
            type="button"
            className="ui-button"
            disabled={!form.formState.isDirty}
            onClick={() => {
              setError(null);
              form.reset(formValuesOf(mapping));
            }}
          >
            Discard changes
          </button>
          <button type="submit" className="ui-button ui-button--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save mapping'}
          </button>
        </div>
      ) : null}
      {guard.dialog}
    </form>
  );
}
