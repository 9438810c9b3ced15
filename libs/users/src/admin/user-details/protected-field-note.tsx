import { CheckboxField } from '@ulms/ui';
import { sisValueText } from './external-rules.js';

export interface ProtectedFieldNoteProps {
  /** The field was changed locally; the SIS sent this value. */
  readonly override?: { readonly sisValue: unknown };
  /** Open for Update and the field changed: whether the next SIS synchronisation keeps the change. */
  readonly keepOnSync?: { readonly checked: boolean; readonly onChange: (keep: boolean) => void };
  /** Reverts the field to the SIS value; absent while the server offers no revert. */
  readonly onRevert?: () => void;
  /** Names the field in the revert button's accessible name. */
  readonly fieldLabel?: string;
}

/** Under a protected field of an external user: the "overridden" marker and the SIS-sync choice. */
export function ProtectedFieldNote({ override, keepOnSync, onRevert, fieldLabel }: ProtectedFieldNoteProps) {
  if (!override && !keepOnSync) return null;
  return (
    <span className="users-override">
      {override ? (
        <span>
          <span className="users-override__mark">Overridden</span> SIS value: {sisValueText(override.sisValue)}
          {onRevert ? (
            <button
              type="button"
              className="ui-button ui-button--link"
              aria-label={fieldLabel ? `Revert ${fieldLabel} to original value` : undefined}
              onClick={onRevert}
            >
              Revert to original value
            </button>
          ) : null}
        </span>
      ) : null}
      {keepOnSync ? (
        <CheckboxField
          label="Keep this change on the next SIS synchronisation"
          checked={keepOnSync.checked}
          onChange={(e) => keepOnSync.onChange(e.target.checked)}
        />
      ) : null}
    </span>
  );
}
