import { useMutation } from '@tanstack/react-query';
import { type BuiltInRole, builtInRoles } from '@ulms/platform/contracts';
import {
  Dialog,
  errorAt,
  flatFieldErrors,
  FormError,
  formMessageOf,
  SelectField,
  type SelectOption,
  setServerErrors,
  TextField,
  useGuardedClose,
  useToast,
} from '@ulms/ui';
import { addRoleInput, type RoleDto, type UserDto } from '@ulms/users/contracts';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { fromInput, resolverOf } from '../user-form/user-form.schema.js';
import { useUsersTrpc } from '../users-admin-context.js';

const roleFields = ['role', 'scope', 'status', 'expiryDate'];
const roleLabels = { role: 'Role', scope: 'Scope', status: 'Status', expiryDate: 'Expiry date' };
const roleOptions: SelectOption[] = Object.entries(builtInRoles).map(([value, label]) => ({ value, label }));
const statusOptions: SelectOption[] = [
  { value: 'ACTIVE', label: 'Active' },
  { value: 'INACTIVE', label: 'Inactive' },
];

/** The server's role schema, for the fields the dialog shows ('' for the institution as scope, no expiry). */
const roleFormSchema = z.object({
  role: z.string().min(1, 'is required').pipe(addRoleInput.shape.role),
  scope: fromInput(addRoleInput.shape.scope),
  status: addRoleInput.shape.status,
  expiryDate: fromInput(addRoleInput.shape.expiryDate),
});
type RoleFormOutput = z.output<typeof roleFormSchema>;
interface RoleFormValues {
  role: string;
  scope: string;
  status: string;
  expiryDate: string;
}

export interface RoleDialogProps {
  readonly user: UserDto;
  /** The institution's libraries, the scopes a role can be limited to. */
  readonly libraries: readonly SelectOption[];
  /** The role to edit (its scope, status and expiry date); null to add one. */
  readonly role?: RoleDto | null;
  readonly onSaved: () => Promise<void>;
  readonly onClose: () => void;
}

/** Add role (a role, its scope, status and expiry date), or Edit role (all but the role itself). */
export function RoleDialog({ user, libraries, role = null, onSaved, onClose }: RoleDialogProps) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const formId = useId();
  const form = useForm<RoleFormValues, unknown, RoleFormOutput>({
    resolver: resolverOf(roleFormSchema),
    defaultValues: {
      role: role?.role ?? '',
      scope: role?.scope ?? '',
      status: role?.status ?? 'ACTIVE',
      expiryDate: role?.expiryDate ?? '',
    },
  });
  const guard = useGuardedClose(form.formState.isDirty, onClose);
  const options = {
    onSuccess: async () => {
      toast.show(role ? 'Role saved.' : 'Role added.', 'success');
      await onSaved();
      onClose();
    },
    onError: (error: unknown) => setServerErrors(form.setError, error),
  };
  const add = useMutation(trpc.users.roles.add.mutationOptions(options));
  const update = useMutation(trpc.users.roles.update.mutationOptions(options));
  const saving = role ? update : add;
  const submit = form.handleSubmit((output) => {
    const change = {
      userId: user.id,
      version: user.version,
      scope: output.scope,
      status: output.status,
      expiryDate: output.expiryDate,
    };
    if (role) update.mutate({ ...change, id: role.id });
    else add.mutate({ ...change, role: output.role });
  });
  const { errors } = form.formState;
  const roleName = role ? (builtInRoles[role.role as BuiltInRole] ?? role.role) : null;
  return (
    <Dialog
      open
      title={roleName ? `Edit role: ${roleName}` : 'Add role'}
      onClose={guard.requestClose}
      footer={
        <>
          <button type="button" className="ui-button" onClick={guard.requestClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="ui-button ui-button--primary" disabled={saving.isPending}>
            {saving.isPending ? 'Saving…' : role ? 'Save role' : 'Add role'}
          </button>
        </>
      }
    >
      <form id={formId} className="ui-form" noValidate onSubmit={submit}>
        <FormError
          message={formMessageOf(saving.error, roleFields)}
          fieldErrors={flatFieldErrors(errors)}
          fieldLabels={roleLabels}
        />
        {role ? null : (
          <SelectField
            label="Role"
            required
            options={roleOptions}
            placeholder="Choose a role"
            hint="You can grant only roles whose permissions you hold yourself."
            error={errorAt(errors, 'role')}
            {...form.register('role')}
          />
        )}
        <SelectField
          label="Scope"
          options={libraries}
          placeholder="Institution"
          hint="The whole institution, or one of its libraries."
          error={errorAt(errors, 'scope')}
          {...form.register('scope')}
        />
        <SelectField
          label="Status"
          options={statusOptions}
          error={errorAt(errors, 'status')}
          {...form.register('status')}
        />
        <TextField
          label="Expiry date"
          type="date"
          hint="The last day the role grants its permissions; leave empty for no end."
          error={errorAt(errors, 'expiryDate')}
          {...form.register('expiryDate')}
        />
      </form>
      {guard.dialog}
    </Dialog>
  );
}
