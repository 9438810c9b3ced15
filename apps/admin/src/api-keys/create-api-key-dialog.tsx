import { useMutation, useQueryClient } from '@tanstack/react-query';
import { builtInRoles, type CreatedApiKey } from '@ulms/platform/contracts';
import { Dialog, fieldErrorsOf, FormError, formMessageOf, SelectField, TextField } from '@ulms/ui';
import { type FormEvent, useId, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import { CreatedKeyNotice } from './created-key-notice.js';
import { PermissionPicker } from './permission-picker.js';

type Access = 'role' | 'permissions';

const roleOptions = Object.entries(builtInRoles).map(([value, label]) => ({ value, label }));
const fields = ['name', 'role', 'permissions'];

/** Creates an API key with a built-in role or chosen permissions, then shows the key once. */
export function CreateApiKeyDialog({ onClose }: { readonly onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<Access>('role');
  const [role, setRole] = useState('');
  const [permissions, setPermissions] = useState<ReadonlySet<string>>(new Set());
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useMutation(
    trpc.auth.apiKeys.create.mutationOptions({
      onSuccess: async (key) => {
        setCreated(key);
        await queryClient.invalidateQueries(trpc.auth.apiKeys.list.queryFilter());
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors['name'] = 'Give the key a name, such as the script that uses it';
    if (access === 'role' && !role) errors['role'] = 'Choose a role';
    if (access === 'permissions' && permissions.size === 0) errors['permissions'] = 'Choose at least one permission';
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(
      access === 'role'
        ? { name: name.trim(), permissions: [], role }
        : { name: name.trim(), permissions: [...permissions] },
    );
  };

  if (created) {
    return (
      <Dialog
        key="created"
        open
        title="API key created"
        onClose={onClose}
        footer={
          <button type="button" className="ui-button ui-button--primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <CreatedKeyNotice apiKey={created} />
      </Dialog>
    );
  }

  const serverErrors = fieldErrorsOf(create.error);
  const errorOf = (field: string) => localErrors[field] ?? serverErrors[field] ?? null;
  return (
    <Dialog
      key="form"
      open
      title="Create API key"
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError message={formMessageOf(create.error, fields)} />
        <TextField
          label="Name"
          required
          value={name}
          error={errorOf('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="choice-group">
          <legend>What the key may do</legend>
          <label>
            <input type="radio" name="access" checked={access === 'role'} onChange={() => setAccess('role')} />
            Everything a built-in role may do
          </label>
          <label>
            <input
              type="radio"
              name="access"
              checked={access === 'permissions'}
              onChange={() => setAccess('permissions')}
            />
            Only the permissions I choose
          </label>
        </fieldset>
        {access === 'role' ? (
          <SelectField
            label="Role"
            required
            options={roleOptions}
            placeholder="Choose a role"
            value={role}
            error={errorOf('role')}
            onChange={(e) => setRole(e.target.value)}
          />
        ) : (
          <PermissionPicker selected={permissions} onChange={setPermissions} error={errorOf('permissions')} />
        )}
      </form>
    </Dialog>
  );
}
