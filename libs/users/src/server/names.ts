/** Lower-case without accents, so "Ødegård" is found by "odegard" and "ødegård" alike. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .trim();
}

interface Names {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  prefFirstName?: string | null;
  prefMiddleName?: string | null;
  prefLastName?: string | null;
}

/** Every name and preferred name, normalised, for the trigram search. */
export function nameSearchOf(names: Names): string {
  return [
    names.firstName,
    names.middleName,
    names.lastName,
    names.prefFirstName,
    names.prefMiddleName,
    names.prefLastName,
  ]
    .filter((n): n is string => !!n)
    .map(normalizeName)
    .join(' ');
}

/** "Last, First Middle" using the names the user prefers where they gave them. */
export function fullNameOf(names: Names): string {
  const last = names.prefLastName ?? names.lastName ?? '';
  const given = [names.prefFirstName ?? names.firstName, names.prefMiddleName ?? names.middleName]
    .filter(Boolean)
    .join(' ');
  return [last, given].filter(Boolean).join(', ');
}

/** The key the list sorts by: the displayed name, normalised. */
export function sortNameOf(names: Names): string {
  return normalizeName(fullNameOf(names));
}
