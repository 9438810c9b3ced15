import type { LetterTypeDto } from '@ulms/letters/contracts';
import { Link } from '@ulms/ui';
import { languageName } from './language-name.js';
import { wordingLink } from './letters-configuration.search.js';

/** Every letter type with what it is for and its wording per language, each language a link to its editor. */
export function LetterTypeList({ types }: { readonly types: readonly LetterTypeDto[] }) {
  return (
    <ul className="letters-types" aria-label="Letter types">
      {types.map((type) => (
        <li key={type.id} className="panel letters-type" aria-labelledby={`letter-type-${type.id}`}>
          <h2 id={`letter-type-${type.id}`}>{type.name}</h2>
          <p>{type.description}</p>
          <dl className="letters-facts">
            <dt>Patrons may opt out</dt>
            <dd>{type.optOut ? 'Yes' : 'No'}</dd>
            {type.customizable ? (
              <>
                <dt>Shipped wording</dt>
                <dd>{type.languages.map(languageName).join(', ')}</dd>
                <dt>Customized</dt>
                <dd>
                  {type.customizedLanguages.length ? type.customizedLanguages.map(languageName).join(', ') : 'None'}
                </dd>
              </>
            ) : null}
          </dl>
          {type.customizable ? (
            <WordingLinks type={type} />
          ) : (
            <p className="muted">Written each time it is sent, by the staff member who sends it: no wording to edit.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function WordingLinks({ type }: { readonly type: LetterTypeDto }) {
  const languages = [...new Set([...type.languages, ...type.customizedLanguages])];
  return (
    <div className="letters-type__actions" role="group" aria-label={`Edit the ${type.name}`}>
      {languages.map((language) => (
        <Link key={language} className="ui-button ui-button--small" {...wordingLink(type.id, language)}>
          Edit {languageName(language)}
        </Link>
      ))}
    </div>
  );
}
