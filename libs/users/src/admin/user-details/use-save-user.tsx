import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import type { PossibleDuplicate, UpdateUserInput, UserDto } from '@ulms/users/contracts';
import { type ReactNode, useRef, useState } from 'react';
import { DuplicateWarningDialog } from '../user-form/duplicate-warning-dialog.js';
import { GeneratedPinDialog } from '../user-form/generated-pin-dialog.js';
import { useUsersTrpc } from '../users-admin-context.js';

export interface SaveUser {
  /** Saves; `onSaved` runs once the user is saved (after "Save anyway" when duplicates were found). */
  readonly save: (input: UpdateUserInput, onSaved?: (user: UserDto) => void, message?: string) => void;
  readonly pending: boolean;
  readonly error: unknown;
  readonly reset: () => void;
  /** The duplicate warning and generated-PIN dialogs; render them once. */
  readonly dialogs: ReactNode;
}

/** users.update with the duplicate warning, the one-time PIN, the cache refresh and a toast. */
export function useSaveUser(): SaveUser {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [duplicates, setDuplicates] = useState<readonly PossibleDuplicate[] | null>(null);
  const [pin, setPin] = useState<{ pin: string; name: string } | null>(null);
  const pending = useRef<{
    input: UpdateUserInput;
    onSaved?: (user: UserDto) => void;
    message: string;
  } | null>(null);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (result) => {
        if (result.status === 'duplicateWarning') {
          setDuplicates(result.duplicates);
          return;
        }
        setDuplicates(null);
        queryClient.setQueryData(trpc.users.get.queryKey({ id: result.user.id }), result.user);
        await queryClient.invalidateQueries(trpc.users.search.queryFilter());
        toast.show(
          result.pinSent
            ? `${pending.current?.message ?? 'Saved.'} The new PIN was sent to the user in the PIN Number Generation letter.`
            : (pending.current?.message ?? 'Saved.'),
          'success',
        );
        if (result.generatedPin) setPin({ pin: result.generatedPin, name: result.user.fullName });
        pending.current?.onSaved?.(result.user);
      },
      onError: async (error, input) => {
        setDuplicates(null);
        if (error.data?.code === 'CONFLICT' && input.version !== undefined) {
          // Someone else saved the user meanwhile: show theirs, so the change can be made again on it.
          toast.show(error.message, 'error');
          await queryClient.invalidateQueries(trpc.users.get.queryFilter({ id: input.id }));
        }
      },
    }),
  );

  const save: SaveUser['save'] = (input, onSaved, message = 'User saved.') => {
    pending.current = { input, onSaved, message };
    update.mutate(input);
  };
  const dialogs = (
    <>
      <DuplicateWarningDialog
        duplicates={duplicates}
        busy={update.isPending}
        onCancel={() => setDuplicates(null)}
        onSaveAnyway={() => pending.current && update.mutate({ ...pending.current.input, confirmDuplicate: true })}
      />
      <GeneratedPinDialog pin={pin?.pin ?? null} userName={pin?.name ?? ''} onDone={() => setPin(null)} />
    </>
  );
  return {
    save,
    pending: update.isPending,
    error: update.error,
    reset: update.reset,
    dialogs,
  };
}
