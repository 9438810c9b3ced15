import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SisRunDto } from '@ulms/sis/contracts';
import { CheckboxField, Dialog, FormDialogActions, FormError, SelectField, TextField } from '@ulms/ui';
import { type FormEvent, useId, useState } from 'react';
import { useSisTrpc } from '../sis-admin-context.js';
import { uploadSisFile } from '../sis-files.js';

/** What a full load does to the profile's users missing from its file. */
const missingWords = {
  NOTHING: 'left as they are (the profile says so)',
  DEACTIVATE: 'deactivated (the profile says so)',
  EXPIRE: 'expired (the profile says so)',
} as const;

export interface UploadFileDialogProps {
  readonly onClose: () => void;
  /** The run the upload started. */
  readonly onStarted: (run: SisRunDto) => void;
}

/** Upload a SIS file under a profile: a dry run (the default) to see what it would do, or a load. */
export function UploadFileDialog({ onClose, onStarted }: UploadFileDialogProps) {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const formId = useId();
  const profiles = useQuery(trpc.sis.profiles.list.queryOptions());
  const formats = useQuery(trpc.sis.formats.queryOptions());
  const [profileId, setProfileId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [fullLoad, setFullLoad] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [errors, setErrors] = useState<{ profile?: string; file?: string; form?: string }>({});
  const profile = profiles.data?.find((p) => p.id === profileId);
  const format = formats.data?.find((f) => f.id === profile?.settings.format);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { profile: profileId ? undefined : 'is required', file: file ? undefined : 'is required' };
    setErrors(missing);
    if (!file || !profileId) return;
    setSent(0);
    try {
      const run = await uploadSisFile({ profileId, file, dryRun, fullLoad, onProgress: setSent });
      await queryClient.invalidateQueries(trpc.sis.runs.list.pathFilter());
      onStarted(run);
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : 'The upload failed.' });
      setSent(null);
    }
  };

  return (
    <Dialog
      open
      title="Upload a SIS file"
      onClose={onClose}
      footer={
        <FormDialogActions
          formId={formId}
          busy={sent !== null}
          label={dryRun ? 'Start dry run' : 'Start load'}
          busyLabel="Uploading…"
          onCancel={onClose}
        />
      }
    >
      <form id={formId} className="ui-form" noValidate aria-label="Upload a SIS file" onSubmit={(e) => void submit(e)}>
        <FormError message={errors.form ?? null} />
        <SelectField
          label="Integration profile"
          required
          placeholder={profiles.data ? 'Choose a profile' : 'Loading…'}
          options={(profiles.data ?? []).map((p) => ({ value: p.id, label: `${p.code}: ${p.settings.name}` }))}
          value={profileId}
          error={errors.profile}
          onChange={(e) => setProfileId(e.target.value)}
        />
        <TextField
          label="File"
          type="file"
          required
          accept={format?.fileExtensions.join(',')}
          hint={format ? `${format.name}: ${format.fileExtensions.join(', ')}` : undefined}
          error={errors.file}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <CheckboxField
          label="Dry run"
          hint="Shows what the file would change, user by user, without changing anyone; apply it afterwards."
          checked={dryRun}
          onChange={(e) => setDryRun(e.target.checked)}
        />
        <CheckboxField
          label="Full load"
          hint={`The file holds every user of the profile: those missing from it are ${
            missingWords[profile?.settings.missingUsers.action ?? 'NOTHING']
          }.`}
          checked={fullLoad}
          onChange={(e) => setFullLoad(e.target.checked)}
        />
        {sent !== null ? (
          <progress className="sis-progress" aria-label="Upload" max={1} value={sent}>
            {Math.round(sent * 100)}%
          </progress>
        ) : null}
      </form>
    </Dialog>
  );
}
