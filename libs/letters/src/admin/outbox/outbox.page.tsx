/** Placeholder until the outbox page is written. */
export function OutboxPage() {
  return <p>Outbox</p>;
}
