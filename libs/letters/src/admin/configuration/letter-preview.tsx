import type { RenderedLetterDto } from '@ulms/letters/contracts';
import type { ReactNode } from 'react';

export interface LetterPreviewProps {
  readonly rendered: RenderedLetterDto | undefined;
  readonly pending: boolean;
  /** The wording has a template error, shown under its field: the last rendering stays, dimmed. */
  readonly stale: boolean;
  /** Why the preview failed when no field explains it. */
  readonly failure: string | null;
  /** The choice of the user the preview is addressed to. */
  readonly recipient: ReactNode;
}

/** The letter as the wording being edited renders it: subject, the HTML in a sandbox, the plain text. */
export function LetterPreview({ rendered, pending, stale, failure, recipient }: LetterPreviewProps) {
  return (
    <section className="panel letters-preview" aria-labelledby="letters-preview-title" aria-busy={pending}>
      <h2 id="letters-preview-title">Preview</h2>
      {recipient}
      <p className="muted letters-preview__status" role="status">
        {pending
          ? 'Updating the preview…'
          : stale
            ? 'Not up to date: the wording has an error, shown under its field.'
            : failure
              ? ''
              : 'Up to date.'}
      </p>
      {failure ? (
        <p className="ui-form-error" role="alert">
          {failure}
        </p>
      ) : null}
      {rendered ? (
        <div
          className={
            stale || failure ? 'letters-preview__letter letters-preview__letter--stale' : 'letters-preview__letter'
          }
        >
          <p className="letters-preview__subject">
            <span className="muted">Subject: </span>
            <strong>{rendered.subject}</strong>
          </p>
          <iframe className="letters-frame" sandbox="" srcDoc={rendered.html} title="Preview of the HTML body" />
          <h3>Plain text</h3>
          <pre className="letters-text">{rendered.text}</pre>
        </div>
      ) : null}
    </section>
  );
}
