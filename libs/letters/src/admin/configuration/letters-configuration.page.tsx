import { useQuery } from '@tanstack/react-query';
import { PageHeader, useRouteSearch } from '@ulms/ui';
import '../letters-admin.css';
import { useLettersTrpc } from '../letters-admin-context.js';
import { LetterTypeList } from './letter-type-list.js';
import { LetterWordingSection } from './letter-wording.section.js';
import { lettersConfigurationSearch } from './letters-configuration.search.js';

/** Letters configuration: the letter types, and the institution's wording of each per language. */
export function LettersConfigurationPage() {
  const trpc = useLettersTrpc();
  const search = useRouteSearch(lettersConfigurationSearch);
  const types = useQuery(trpc.letters.types.queryOptions());
  const chosen = types.data?.find((type) => type.id === search.type);
  return (
    <>
      <PageHeader
        title="Letters configuration"
        description="The letters the library sends, and their wording in each language."
      />
      {types.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the letter types: {types.error.message}
        </p>
      ) : !types.data ? (
        <p aria-live="polite">Loading the letter types…</p>
      ) : chosen ? (
        <LetterWordingSection type={chosen} language={search.language ?? chosen.languages[0] ?? 'en'} />
      ) : (
        <LetterTypeList types={types.data} />
      )}
    </>
  );
}
