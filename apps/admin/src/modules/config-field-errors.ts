/** Server field paths name the input (`config.maxLoans`); the form knows the property (`maxLoans`). */
export function configFieldErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const byProperty: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    byProperty[field.replace(/^config\./, '')] = message;
  }
  return byProperty;
}
