/** The longest primary or other identifier, in characters (UTF-16 code units, as zod and Fastify count them). */
export const MAX_IDENTIFIER_LENGTH = 255;

/** The identifier type the primary identifier is held as among a user's identifiers. */
export const PRIMARY_ID_TYPE = 'PRIMARY';

/**
 * Characters that show nothing: default-ignorable code points (zero-width space, joiners, soft hyphen, word
 * joiner, variation selectors, Hangul fillers, invisible operators) and format characters (byte order mark,
 * bidirectional marks, embeddings and isolates).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/**
 * An identifier as it is stored and looked up: invisible characters removed, Unicode NFKC (fullwidth `ＡＢＣ`
 * is `ABC`, a ligature its letters, a no-break space a space), trimmed. Look-alikes become the same text.
 */
export function normalizeIdentifier(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** What identifiers are unique and matched by within an institution: the normalised identifier, lower-cased. */
export function identifierKey(text: string): string {
  return normalizeIdentifier(text).toLowerCase();
}
