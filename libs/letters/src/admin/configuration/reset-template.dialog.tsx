import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useLettersTrpc } from '../letters-admin-context.js';
import { languageName } from './language-name.js';

export interface ResetTemplateDialogProps {
  readonly letterTypeId: string;
  readonly typeName: string;
  readonly language: string;
  readonly onClose: () => void;
}

/** Asks before dropping the institution's wording of a letter in one language for the shipped one. */
export function ResetTemplateDialog({ letterTypeId, typeName, language, onClose }: ResetTemplateDialogProps) {
  const trpc = useLettersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const reset = useMutation(
    trpc.letters.templates.reset.mutationOptions({
      onSuccess: async (template) => {
        queryClient.setQueryData(trpc.letters.templates.get.queryKey({ letterTypeId, language }), template);
        await queryClient.invalidateQueries(trpc.letters.types.queryFilter());
        toast.show('The shipped wording is back.', 'success');
        onClose();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <ConfirmDialog
      open
      title="Reset to the shipped wording?"
      message={
        <p>
          The {typeName} in {languageName(language)} goes back to the wording shipped with the system. Your
          institution’s wording, and any change not saved, are lost.
        </p>
      }
      confirmLabel="Reset wording"
      danger
      busy={reset.isPending}
      onCancel={onClose}
      onConfirm={() => reset.mutate({ letterTypeId, language })}
    />
  );
}
