import { useEffect, useRef } from 'react';

export interface RecoveryCodesProps {
  readonly codes: readonly string[];
  readonly onDone: () => void;
}

/** The one-time recovery codes, shown once after two-step verification is turned on. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="recovery-codes">
      <h3 ref={headingRef} tabIndex={-1}>
        Two-step verification is on
      </h3>
      <p className="notice notice--warning">
        Save these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They will not be
        shown again.
      </p>
      <ul className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="ui-button ui-button--primary" onClick={onDone}>
        I have saved the codes
      </button>
    </div>
  );
}
