/** The errors under `prefix` (such as `emails.0.`), keyed by the rest of their path. */
export function errorsUnder(errors: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (field.startsWith(prefix)) found[field.slice(prefix.length)] = message;
  }
  return found;
}
