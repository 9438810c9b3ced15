import { LetterLog } from './letter-log.js';
import { LetterOptOuts } from './letter-opt-outs.js';
import { SendLetterActions } from './send-letter-actions.js';
import './letters-user.css';

/** The Letters tab of User Details: send a letter, the user's letter log, and their opt-outs. */
export function LettersTab({ userId }: { readonly userId: string }) {
  return (
    <section className="letters-tab" aria-labelledby="letters-tab-title">
      <div className="letters-tab__header">
        <h2 id="letters-tab-title">Letters</h2>
        <SendLetterActions userId={userId} />
      </div>
      <LetterLog userId={userId} />
      <LetterOptOuts userId={userId} />
    </section>
  );
}
