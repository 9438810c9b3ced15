import { useMutation } from '@tanstack/react-query';
import { type BlockRuleDto, blocksPermissions } from '@ulms/blocks/contracts';
import { flatFieldErrors, FormError, formMessageOf, setServerErrors, useAdminCan } from '@ulms/ui';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useBlocksTrpc } from '../blocks-admin-context.js';
import { effectsText } from '../block-rows.js';
import { useBlocksChanged } from '../use-blocks-changed.js';
import { RuleSettingsFields } from './rule-settings.fields.js';
import { formValuesOf, type RulesFormValues, settingsOf } from './rule-settings.values.js';

export interface BlockRulesFormProps {
  readonly rules: readonly BlockRuleDto[];
  readonly onDirtyChange: (dirty: boolean) => void;
}

/** "Debt limit, setting group" for `rules.0.settings.group`: how the summary names each field in error. */
const labelsOf = (rules: readonly BlockRuleDto[], paths: readonly string[]) =>
  Object.fromEntries(
    paths.map((path) => {
      const [, index, , key] = path.split('.');
      const title = rules[Number(index)]?.title ?? `Rule ${Number(index) + 1}`;
      return [path, key === undefined ? title : `${title}, ${key}`];
    }),
  );

/** The automatic-block rules: each on or off, with its settings; saved together. */
export function BlockRulesForm({ rules, onDirtyChange }: BlockRulesFormProps) {
  const trpc = useBlocksTrpc();
  const changed = useBlocksChanged();
  const readOnly = !useAdminCan(blocksPermissions.rulesConfigure);
  const form = useForm<RulesFormValues>({ defaultValues: formValuesOf(rules) });
  const { errors, isDirty } = form.formState;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const configure = useMutation(
    trpc.blocks.rules.configure.mutationOptions({
      onSuccess: async (saved) => {
        form.reset(formValuesOf(saved));
        await changed('Rules saved.');
      },
      // The server names fields as `rules.1.settings.group`, as the form does.
      onError: (error) => setServerErrors(form.setError, error),
    }),
  );

  const submit = (values: RulesFormValues) => {
    let valid = true;
    const sent = rules.map((rule, index) => {
      const typed = values.rules[index];
      const { settings, errors: found } = settingsOf(rule, typed?.settings ?? {});
      for (const [key, message] of Object.entries(found)) {
        valid = false;
        form.setError(`rules.${index}.settings.${key}`, { type: 'client', message });
      }
      return { id: rule.id, enabled: typed?.enabled ?? rule.enabled, settings };
    });
    if (valid) configure.mutate({ rules: sent });
  };

  const fieldErrors = flatFieldErrors(errors);
  return (
    <form
      className="panel blocks-config"
      aria-label="Automatic block rules"
      noValidate
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
    >
      <h2>Automatic block rules</h2>
      <p className="muted">
        Rules block users from their state, computed whenever it is asked; a disabled rule blocks no one.
      </p>
      <FormError
        message={formMessageOf(configure.error, [])}
        fieldErrors={fieldErrors}
        fieldLabels={labelsOf(rules, Object.keys(fieldErrors))}
      />
      {rules.length === 0 ? <p className="muted">No rules are available to this institution.</p> : null}
      {rules.map((rule, index) => (
        <div key={rule.id} className="blocks-rule" role="group" aria-label={rule.title}>
          <div className="blocks-rule__header">
            <div className="blocks-rule__about">
              <h3>{rule.title}</h3>
              {rule.description ? <p>{rule.description}</p> : null}
              <p className="muted">Blocks: {effectsText(rule.effects).toLowerCase()}</p>
            </div>
            <label className="blocks-switch">
              <input type="checkbox" role="switch" disabled={readOnly} {...form.register(`rules.${index}.enabled`)} />
              <span className="blocks-switch__track" aria-hidden="true" />
              Enabled
            </label>
          </div>
          <RuleSettingsFields rule={rule} index={index} form={form} readOnly={readOnly} />
        </div>
      ))}
      {readOnly ? (
        <p className="muted">Only staff who configure the rules can change them.</p>
      ) : (
        <div className="blocks-config__actions">
          <button type="submit" className="ui-button ui-button--primary" disabled={configure.isPending}>
            {configure.isPending ? 'Saving…' : 'Save rules'}
          </button>
        </div>
      )}
    </form>
  );
}
