import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { platformPermissions } from '@ulms/platform/contracts';
import { fieldErrorsOf, useToast } from '@ulms/ui';
import type { UsersConfig } from '@ulms/users/contracts';
import { useCan, useUsersTrpc } from '../users-admin-context.js';

const USERS_MODULE = 'users';

export interface UsersConfigSaver {
  /** The saved configuration, with the server's defaults filled in. */
  readonly config: UsersConfig | undefined;
  readonly loadError: string | null;
  /** Saving goes through the module configuration procedure, which needs the module manager's permission. */
  readonly canManage: boolean;
  readonly saving: boolean;
  /** The server's messages by setting path (`registrationForm.PUBLIC`), without the `config.` prefix. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** A message no field explains, or null. */
  readonly message: string | null;
  readonly save: (changes: Partial<UsersConfig>) => void;
  /** Saves `config` as it is: properties left out go back to their defaults. */
  readonly saveWhole: (config: Record<string, unknown>) => void;
}

/** Reads the users module's settings and saves one part of them, keeping the rest as saved. */
export function useSaveUsersConfig(savedMessage: string): UsersConfigSaver {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canManage = useCan(platformPermissions.moduleManage);
  const config = useQuery(trpc.users.config.queryOptions());
  const configure = useMutation(
    trpc.platform.modules.configure.mutationOptions({
      onSuccess: async () => {
        toast.show(savedMessage, 'success');
        await Promise.all([
          queryClient.invalidateQueries(trpc.users.config.queryFilter()),
          queryClient.invalidateQueries(trpc.platform.modules.list.queryFilter()),
        ]);
      },
    }),
  );
  const fieldErrors: Record<string, string> = {};
  for (const [path, text] of Object.entries(fieldErrorsOf(configure.error))) {
    fieldErrors[path.replace(/^config\./, '')] = text;
  }
  const message =
    configure.error && Object.keys(fieldErrors).length === 0
      ? 'The settings could not be saved. Please try again.'
      : null;
  return {
    config: config.data,
    loadError: config.isError ? 'The settings could not be loaded. Please reload the page.' : null,
    canManage,
    saving: configure.isPending,
    fieldErrors,
    message,
    save: (changes) => {
      if (!config.data) return;
      configure.mutate({ moduleId: USERS_MODULE, config: { ...config.data, ...changes } });
    },
    saveWhole: (whole) => configure.mutate({ moduleId: USERS_MODULE, config: whole }),
  };
}

/** The first message about `path` or anything below it (`roleAssignmentRules.0` for `roleAssignmentRules.0.roles.1`). */
export function errorAt(errors: Readonly<Record<string, string>>, path: string): string | null {
  const key = Object.keys(errors).find((candidate) => candidate === path || candidate.startsWith(`${path}.`));
  return key === undefined ? null : (errors[key] ?? null);
}
