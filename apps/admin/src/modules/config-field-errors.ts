/** Server field paths name the input (`config.maxLoans`, `config.oidc.issuer`); the form knows the property path (`maxLoans`, `oidc.issuer`). */
export function configFieldErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const byProperty: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    byProperty[field.replace(/^config\./, '')] = message;
  }
  return byProperty;
}
