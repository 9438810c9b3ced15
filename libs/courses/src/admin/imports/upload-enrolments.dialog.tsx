import { useQueryClient } from '@tanstack/react-query';
import type { CourseImportDto } from '@ulms/courses/contracts';
import { CheckboxField, Dialog, FormDialogActions, FormError, Link, TextField } from '@ulms/ui';
import { type FormEvent, useId, useState } from 'react';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { uploadEnrolmentFile } from '../course-import-files.js';
import { mappingPath } from '../mapping/enrolment-mapping.path.js';

export interface UploadEnrolmentsDialogProps {
  readonly onClose: () => void;
  /** The import the upload started. */
  readonly onStarted: (started: CourseImportDto) => void;
}

/** Upload an enrolment file: a dry run (the default) to see what it would do, or an import; a full load or not. */
export function UploadEnrolmentsDialog({ onClose, onStarted }: UploadEnrolmentsDialogProps) {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const formId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [fullLoad, setFullLoad] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ file?: string; form?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ file: file ? undefined : 'is required' });
    if (!file) return;
    setSent(0);
    try {
      const started = await uploadEnrolmentFile({ file, dryRun, fullLoad, onProgress: setSent });
      await queryClient.invalidateQueries(trpc.courses.imports.list.pathFilter());
      onStarted(started);
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : 'The upload failed.' });
      setSent(null);
    }
  };

  return (
    <Dialog
      open
      title="Upload an enrolment file"
      onClose={onClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={sent !== null}
          label={dryRun ? 'Start dry run' : 'Start import'}
          busyLabel="Uploading…"
          onCancel={onClose}
        />
      }
    >
      <form
        id={formId}
        className="ui-form"
        noValidate
        aria-label="Upload an enrolment file"
        onSubmit={(e) => void submit(e)}
      >
        <FormError message={errors.form ?? null} />
        <TextField
          label="File"
          type="file"
          required
          accept=".csv,.txt,.tsv,.json,.jsonl,.ndjson"
          hint={
            <>
              CSV read by the <Link to={mappingPath}>enrolment file mapping</Link>, or JSON: one enrolment (a user in a
              course) per row.
            </>
          }
          error={errors.file}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <CheckboxField
          label="Dry run"
          hint="Shows what the file would add, reject and remove, row by row, without changing any enrolment; apply it afterwards."
          checked={dryRun}
          onChange={(e) => setDryRun(e.target.checked)}
        />
        <CheckboxField
          label="Full load"
          hint="The file holds every enrolment of the institution: enrolments missing from it are removed."
          checked={fullLoad}
          onChange={(e) => setFullLoad(e.target.checked)}
        />
        {fullLoad ? (
          <p className="notice notice--warning">
            Every enrolment of the institution that is not in this file will be removed
            {dryRun ? ' when the dry run is applied' : ''}.
          </p>
        ) : null}
        {sent !== null ? (
          <progress className="courses-progress" aria-label="Upload" max={1} value={sent}>
            {Math.round(sent * 100)}%
          </progress>
        ) : null}
      </form>
    </Dialog>
  );
}
