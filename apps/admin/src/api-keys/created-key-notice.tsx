import type { CreatedApiKey } from '@ulms/platform/contracts';
import { useToast } from '@ulms/ui';
import { useId, useRef } from 'react';

/** The new key, shown this once, with a copy button and the warning that it cannot be shown again. */
export function CreatedKeyNotice({ apiKey }: { readonly apiKey: CreatedApiKey }) {
  const toast = useToast();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      toast.show('API key copied to the clipboard.', 'success');
    } catch {
      inputRef.current?.select();
      toast.show('Copying is blocked here: the key is selected, press Ctrl+C to copy it.', 'info');
    }
  };
  return (
    <div className="created-key">
      <p className="notice notice--warning" role="alert">
        Copy this key now and keep it somewhere safe. It will not be shown again.
      </p>
      <label htmlFor={inputId} className="ui-field__label">
        API key “{apiKey.name}”
      </label>
      <div className="created-key__row">
        <input
          id={inputId}
          ref={inputRef}
          className="ui-input created-key__value"
          readOnly
          value={apiKey.key}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="ui-button ui-button--primary" onClick={() => void copy()} data-autofocus>
          Copy
        </button>
      </div>
    </div>
  );
}
