const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "French (fr)" for `fr`; the code alone when it names no language the browser knows. */
export function languageName(code: string): string {
  try {
    const name = names.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
