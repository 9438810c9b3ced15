import type { LetterTemplateDto, LetterTypeDto } from '@ulms/letters/contracts';
import { languageName } from './language-name.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Whose wording the editor shows: the institution's own, the shipped one, or the one a new language falls back to. */
export function WordingStatus({
  type,
  template,
}: {
  readonly type: LetterTypeDto;
  readonly template: LetterTemplateDto;
}) {
  const language = languageName(template.language);
  if (template.version !== null)
    return (
      <p className="letters-status-line">
        <span className="badge badge--on">Customized</span> Your institution’s wording in {language}
        {template.updatedBy && template.updatedAt
          ? `, last changed by ${template.updatedBy} on ${dateTime.format(template.updatedAt)}`
          : ''}
        .
      </p>
    );
  if (type.languages.includes(template.language))
    return (
      <p className="letters-status-line">
        <span className="badge badge--off">Shipped</span> The wording shipped with the system in {language}.
      </p>
    );
  return (
    <p className="letters-status-line">
      <span className="badge badge--off">New language</span> No wording in {language} yet: this is the wording its
      letters fall back to. Saving makes a {language} wording.
    </p>
  );
}
