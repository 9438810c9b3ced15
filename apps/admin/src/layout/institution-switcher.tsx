import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import { useSessionInfo } from '../session/session-context.js';
import { useTRPC } from '../trpc/trpc.js';

/** Switches the session to another institution the account holds a role in, then reloads every answer. */
export function InstitutionSwitcher() {
  const session = useSessionInfo();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const switchInstitution = useMutation(
    trpc.auth.switchInstitution.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.auth.session.queryKey(), next);
        await queryClient.invalidateQueries();
        toast.show(`Now working in ${next.institution.name}.`, 'success');
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <label className="institution-switcher">
      <span className="ui-visually-hidden">Institution</span>
      <select
        className="ui-input ui-select"
        value={session.institution.code}
        disabled={switchInstitution.isPending}
        onChange={(event) => switchInstitution.mutate({ institution: event.target.value })}
      >
        {session.institutions.map((institution) => (
          <option key={institution.code} value={institution.code}>
            {institution.name}
          </option>
        ))}
      </select>
    </label>
  );
}
