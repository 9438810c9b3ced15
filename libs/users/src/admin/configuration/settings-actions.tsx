import type { ReactNode } from 'react';

/** The foot of a settings form: its buttons and Save, or why the staff member cannot save. */
export function SettingsActions({
  readOnly,
  saving,
  label,
  form,
  children,
}: {
  readonly readOnly: boolean;
  readonly saving: boolean;
  readonly label: string;
  /** The form's id when the buttons stand outside it. */
  readonly form?: string;
  /** Buttons shown before Save, such as "Add rule". */
  readonly children?: ReactNode;
}) {
  if (readOnly) return <p className="muted">Only staff who manage modules can change these settings.</p>;
  return (
    <div className="users-settings__actions">
      {children}
      <button type="submit" form={form} className="ui-button ui-button--primary" disabled={saving}>
        {saving ? 'Saving…' : label}
      </button>
    </div>
  );
}
