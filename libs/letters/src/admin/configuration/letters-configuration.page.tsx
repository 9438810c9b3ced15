/** Placeholder until the configuration page is written. */
export function LettersConfigurationPage() {
  return <p>Letters configuration</p>;
}
