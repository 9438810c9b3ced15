/** Placeholder until the tab is written. */
export function LettersTab(_props: { userId: string }) {
  return <p>Letters</p>;
}
