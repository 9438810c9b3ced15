import type { RenderedLetterDto } from '@ulms/letters/contracts';
import type { ReactNode } from 'react';

export interface LetterPreviewProps {
  readonly rendered: RenderedLetterDto | undefined;
  readonly pending: boolean;
  /** Why the wording cannot be rendered now; the last rendering stays below it. */
  readonly problem: string | null;
  /** The choice of the user the preview is addressed to. */
  readonly recipient: ReactNode;
}

/** The letter as the wording being edited renders it: subject, the HTML in a sandbox, the plain text. */
export function LetterPreview({ rendered, pending, problem, recipient }: LetterPreviewProps) {
  return (
    <section className="panel letters-preview" aria-labelledby="letters-preview-title" aria-busy={pending}>
      <h2 id="letters-preview-title">Preview</h2>
      {recipient}
      <p className="muted letters-preview__status" role="status">
        {pending ? 'Updating the preview…' : problem ? '' : 'Up to date.'}
      </p>
      {problem ? (
        <p className="ui-form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {rendered ? (
        <div className={problem ? 'letters-preview__letter letters-preview__letter--stale' : 'letters-preview__letter'}>
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
