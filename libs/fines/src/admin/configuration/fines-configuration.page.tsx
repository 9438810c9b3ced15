import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FINES_MODULE, type FinesConfig } from '@ulms/fines/contracts';
import { platformPermissions } from '@ulms/platform/contracts';
import {
  CheckboxField,
  errorAt,
  flatFieldErrors,
  FormError,
  formMessageOf,
  PageHeader,
  setServerErrors,
  TextField,
  useAdminCan,
  usePageTitle,
  useToast,
  useUnsavedChangesGuard,
} from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { useFinesTrpc } from '../fines-admin-context.js';
import { CodeListFieldset } from './code-list.fieldset.js';
import { DebtLimitsFieldset } from './debt-limits.fieldset.js';
import { FeeTypesFieldset } from './fee-types.fieldset.js';
import { labelsOf } from './fines-config-labels.js';
import { finesConfigResolver, type FinesConfigFormValues, formValuesOf } from './fines-config.form-schema.js';

/** Fines and fees configuration: types, waive reasons, payment methods, limits; saved as the module's settings. */
export function FinesConfigurationPage() {
  usePageTitle('Fines and fees configuration');
  const trpc = useFinesTrpc();
  const config = useQuery(trpc.fines.config.queryOptions());
  return (
    <>
      <PageHeader
        title="Fines and fees configuration"
        description="The fine/fee types staff choose from, why fees are waived, how they are paid, and the limits."
      />
      {config.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the settings: {config.error.message}
        </p>
      ) : config.data ? (
        <FinesConfigForm saved={config.data} />
      ) : (
        <p aria-live="polite">Loading the settings…</p>
      )}
    </>
  );
}

function FinesConfigForm({ saved }: { readonly saved: FinesConfig }) {
  const trpc = useFinesTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const readOnly = !useAdminCan(platformPermissions.moduleManage);
  const form = useForm<FinesConfigFormValues, unknown, FinesConfig>({
    resolver: finesConfigResolver,
    defaultValues: formValuesOf(saved),
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const configure = useMutation(
    trpc.platform.modules.configure.mutationOptions({
      onSuccess: async (_result, input) => {
        toast.show('Fines and fees settings saved.', 'success');
        form.reset(formValuesOf(input.config as FinesConfig));
        await queryClient.invalidateQueries(trpc.fines.pathFilter());
      },
      // The server names fields as `config.feeTypes.0.code`.
      onError: (error) => setServerErrors(form.setError, error, 'config.'),
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      className="panel fines-config"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((config) => configure.mutate({ moduleId: FINES_MODULE, config }))(event)
      }
    >
      <FormError
        message={formMessageOf(configure.error, [])}
        fieldErrors={flatFieldErrors(errors)}
        fieldLabels={labelsOf(Object.keys(flatFieldErrors(errors)))}
      />
      <FeeTypesFieldset form={form} readOnly={readOnly} />
      <CodeListFieldset form={form} name="waiveReasons" title="Waive reasons" noun="reason" readOnly={readOnly} />
      <CodeListFieldset form={form} name="paymentMethods" title="Payment methods" noun="method" readOnly={readOnly} />
      <DebtLimitsFieldset form={form} readOnly={readOnly} />
      <TextField
        label="Waiving limit"
        className="fines-config__short"
        hint="The most Waive selected and Waive all may waive at once, in the institution's currency."
        inputMode="decimal"
        disabled={readOnly}
        error={errorAt(errors, 'waivingFinesFeesLimit')}
        {...form.register('waivingFinesFeesLimit')}
      />
      <CheckboxField
        label="Allow activity on transferred fines/fees"
        hint="Transferred fees may still be paid and waived, and count in the active balance."
        disabled={readOnly}
        {...form.register('allowActivityOnTransferred')}
      />
      {readOnly ? (
        <p className="muted">Only staff who manage modules can change these settings.</p>
      ) : (
        <div className="fines-config__actions">
          <button type="submit" className="ui-button ui-button--primary" disabled={configure.isPending}>
            {configure.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      )}
      {guard.dialog}
    </form>
  );
}
