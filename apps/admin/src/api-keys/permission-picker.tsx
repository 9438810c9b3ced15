import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import { groupByModule } from './group-by-module.js';

export interface PermissionPickerProps {
  readonly selected: ReadonlySet<string>;
  readonly onChange: (next: ReadonlySet<string>) => void;
  readonly error?: string | null;
}

/** Checkboxes for every permission of the installation, grouped by module. */
export function PermissionPicker({ selected, onChange, error }: PermissionPickerProps) {
  const trpc = useTRPC();
  const permissions = useQuery(trpc.auth.permissions.list.queryOptions());
  const errorId = useId();
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };

  if (permissions.isPending) return <p aria-live="polite">Loading permissions…</p>;
  if (permissions.isError) return <p role="alert">Could not load the permissions: {permissions.error.message}</p>;
  return (
    <fieldset
      className={error ? 'permission-picker ui-field--invalid' : 'permission-picker'}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>Permissions</legend>
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {groupByModule(permissions.data).map(([module, items]) => (
        <div key={module} className="permission-picker__group">
          <h3>{module}</h3>
          {items.map((permission) => (
            <label key={permission.name} className="permission-picker__item">
              <input
                type="checkbox"
                checked={selected.has(permission.name)}
                onChange={(event) => toggle(permission.name, event.target.checked)}
              />
              <span>
                <code>{permission.name}</code>
                <span className="muted">{permission.description}</span>
              </span>
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
