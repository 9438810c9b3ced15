import { useQuery } from '@tanstack/react-query';
import type { LetterTypeDto } from '@ulms/letters/contracts';
import { Link } from '@ulms/ui';
import { useLettersTrpc } from '../letters-admin-context.js';
import { LanguageChooser } from './language-chooser.js';
import { languageName } from './language-name.js';
import { LetterTemplateForm } from './letter-template.form.js';
import { wordingLink } from './letters-configuration.search.js';

export interface LetterWordingSectionProps {
  readonly type: LetterTypeDto;
  readonly language: string;
}

/** One letter type's wording in one language: the languages to choose from, then the editor. */
export function LetterWordingSection({ type, language }: LetterWordingSectionProps) {
  const trpc = useLettersTrpc();
  const template = useQuery({
    ...trpc.letters.templates.get.queryOptions({ letterTypeId: type.id, language }),
    enabled: type.customizable,
  });
  return (
    <section className="letters-wording" aria-labelledby="letters-wording-title">
      <nav aria-label="Breadcrumb" className="letters-breadcrumb">
        <Link {...wordingLink()}>All letter types</Link> <span aria-hidden="true">›</span> {type.name}
      </nav>
      <h2 id="letters-wording-title">
        {type.name}: {languageName(language)}
      </h2>
      <p className="muted">{type.description}</p>
      {!type.customizable ? (
        <p className="notice">Written each time it is sent, by the staff member who sends it: no wording to edit.</p>
      ) : (
        <>
          <LanguageChooser type={type} language={language} />
          {template.isError ? (
            <p className="ui-form-error" role="alert">
              Could not load the wording: {template.error.message}
            </p>
          ) : template.data ? (
            <LetterTemplateForm key={`${type.id}/${language}`} type={type} template={template.data} />
          ) : (
            <p aria-live="polite">Loading the wording…</p>
          )}
        </>
      )}
    </section>
  );
}
