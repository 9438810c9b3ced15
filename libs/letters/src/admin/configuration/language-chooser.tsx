import { letterTemplateRef, type LetterTypeDto } from '@ulms/letters/contracts';
import { Link, TextField, useNavigate } from '@ulms/ui';
import { useState } from 'react';
import { languageName } from './language-name.js';
import { wordingLink } from './letters-configuration.search.js';

export interface LanguageChooserProps {
  readonly type: LetterTypeDto;
  readonly language: string;
}

/** The languages of a letter type's wording, and any other language code to write it in. */
export function LanguageChooser({ type, language }: LanguageChooserProps) {
  const navigate = useNavigate();
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  const languages = [...new Set([...type.languages, ...type.customizedLanguages, language])];
  const open = () => {
    const parsed = letterTemplateRef.shape.language.safeParse(other);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'is not a language code');
    setError(null);
    setOther('');
    void navigate(wordingLink(type.id, parsed.data));
  };
  return (
    <div className="letters-languages">
      <nav aria-label="Languages" className="letters-languages__list">
        {languages.map((code) => (
          <Link
            key={code}
            className={
              code === language ? 'ui-button ui-button--small ui-button--primary' : 'ui-button ui-button--small'
            }
            aria-current={code === language ? 'page' : undefined}
            {...wordingLink(type.id, code)}
          >
            {languageName(code)}
            {type.customizedLanguages.includes(code) ? ' · customized' : ''}
          </Link>
        ))}
      </nav>
      <form
        className="letters-languages__other"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          open();
        }}
      >
        <TextField
          label="Other language"
          placeholder="de, fr-CA"
          value={other}
          error={error}
          onChange={(event) => setOther(event.target.value)}
        />
        <button type="submit" className="ui-button ui-button--small">
          Open
        </button>
      </form>
    </div>
  );
}
