import { useMutation } from '@tanstack/react-query';
import type { MfaEnrolment } from '@ulms/platform/contracts';
import { fieldErrorsOf, FormError, formMessageOf, TextField } from '@ulms/ui';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import { RecoveryCodes } from './recovery-codes.js';

export interface MfaEnrolmentFlowProps {
  readonly enrolment: MfaEnrolment;
  readonly onFinished: () => void;
}

/** Scan the QR code (or type the secret), confirm with a code, then keep the recovery codes. */
export function MfaEnrolmentFlow({ enrolment, onFinished }: MfaEnrolmentFlowProps) {
  const trpc = useTRPC();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const confirm = useMutation(trpc.auth.mfa.confirm.mutationOptions());

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onFinished} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    setMissing(/^\d{6}$/.test(trimmed) ? null : 'Enter the 6-digit code your app shows');
    if (/^\d{6}$/.test(trimmed)) confirm.mutate({ code: trimmed });
  };

  return (
    <div className="mfa-enrolment">
      <ol className="steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          {/* An <img> renders the server's SVG without running anything inside it. */}
          <img
            className="mfa-enrolment__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt="QR code to add ULMS to an authenticator app"
            width={200}
            height={200}
          />
          <p>
            Or type this secret into the app: <code className="secret">{enrolment.secret}</code>
          </p>
        </li>
        <li>
          <form
            className="ui-form panel__narrow"
            noValidate
            onSubmit={submit}
            aria-label="Confirm two-step verification"
          >
            <FormError message={formMessageOf(confirm.error, ['code'])} />
            <TextField
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              error={missing ?? fieldErrorsOf(confirm.error)['code'] ?? null}
              onChange={(event) => setCode(event.target.value)}
            />
            <button type="submit" className="ui-button ui-button--primary" disabled={confirm.isPending}>
              {confirm.isPending ? 'Checking…' : 'Turn on two-step verification'}
            </button>
          </form>
        </li>
      </ol>
    </div>
  );
}
