import { useQuery } from '@tanstack/react-query';
import { builtInRoles } from '@ulms/platform/contracts';
import { FormError, SelectField } from '@ulms/ui';
import type { CodeTable, UsersConfig } from '@ulms/users/contracts';
import { type FormEvent, useState } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';
import { errorAt, type UsersConfigSaver } from './use-save-users-config.js';
import { SettingsActions } from './settings-actions.js';

type Rule = UsersConfig['roleAssignmentRules'][number];

const roleOptions = Object.entries(builtInRoles).map(([value, label]) => ({ value, label }));

function useCodeOptions(table: CodeTable) {
  const trpc = useUsersTrpc();
  const entries = useQuery(trpc.users.codeTables.list.queryOptions({ table }));
  return (entries.data ?? []).map((entry) => ({ value: entry.code, label: entry.description }));
}

/** The rules' own checks, so staff read plain sentences rather than the schema's messages. */
function ruleErrors(rules: readonly Rule[]): Record<string, string> {
  const errors: Record<string, string> = {};
  rules.forEach((rule, i) => {
    if (rule.jobCategory === undefined && rule.userGroup === undefined)
      errors[`roleAssignmentRules.${i}.userGroup`] =
        'Choose a user group or a job category, or the rule applies to no one.';
    if (rule.roles.length === 0) errors[`roleAssignmentRules.${i}.roles`] = 'Choose at least one role.';
  });
  return errors;
}

/** Roles a new or changed user receives by user group and job category. */
export function RoleAssignmentRulesForm({
  saver,
  config,
}: {
  readonly saver: UsersConfigSaver;
  readonly config: UsersConfig;
}) {
  const [rules, setRules] = useState<Rule[]>(() =>
    config.roleAssignmentRules.map((rule) => ({ ...rule, roles: [...rule.roles] })),
  );
  const [checked, setChecked] = useState(false);
  const userGroups = useCodeOptions('USER_GROUP');
  const jobCategories = useCodeOptions('JOB_CATEGORY');
  const readOnly = !saver.canManage;
  const localErrors = checked ? ruleErrors(rules) : {};
  const errors = { ...saver.fieldErrors, ...localErrors };
  const change = (index: number, next: Partial<Rule>) =>
    setRules((current) => current.map((rule, i) => (i === index ? { ...rule, ...next } : rule)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setChecked(true);
    if (Object.keys(ruleErrors(rules)).length === 0) saver.save({ roleAssignmentRules: rules });
  };

  return (
    <form className="panel users-settings" noValidate onSubmit={submit} aria-labelledby="users-role-rules-title">
      <h2 id="users-role-rules-title">Role assignment rules</h2>
      <p className="muted">
        When a user is added, and when their roles are recalculated (Recalculate roles on the Roles tab, or the REST
        API's recalculate_roles=true), they receive the roles of every rule whose user group and job category match
        theirs. Roles they already hold are kept; other saves leave roles as they are.
      </p>
      <FormError message={saver.message} />
      {rules.length === 0 ? <p>No rules yet: roles are only given by hand.</p> : null}
      <ol className="users-role-rules">
        {rules.map((rule, index) => {
          const rolesError = errorAt(errors, `roleAssignmentRules.${index}.roles`);
          return (
            <li key={index} className="users-role-rule">
              <div className="users-role-rule__when">
                <SelectField
                  label="User group"
                  options={userGroups}
                  placeholder="Any user group"
                  value={rule.userGroup ?? ''}
                  disabled={readOnly}
                  error={errorAt(errors, `roleAssignmentRules.${index}.userGroup`)}
                  onChange={(event) => change(index, { userGroup: event.target.value || undefined })}
                />
                <SelectField
                  label="Job category"
                  options={jobCategories}
                  placeholder="Any job category"
                  value={rule.jobCategory ?? ''}
                  disabled={readOnly}
                  error={errorAt(errors, `roleAssignmentRules.${index}.jobCategory`)}
                  onChange={(event) => change(index, { jobCategory: event.target.value || undefined })}
                />
              </div>
              <fieldset className={rolesError ? 'users-checklist ui-field--invalid' : 'users-checklist'}>
                <legend className="ui-field__label">Roles given</legend>
                <div className="users-checklist__options">
                  {roleOptions.map((option) => (
                    <label key={option.value}>
                      <input
                        type="checkbox"
                        checked={rule.roles.includes(option.value)}
                        disabled={readOnly}
                        onChange={(event) =>
                          change(index, {
                            roles: event.target.checked
                              ? [...rule.roles, option.value]
                              : rule.roles.filter((role) => role !== option.value),
                          })
                        }
                      />
                      {option.label}
                    </label>
                  ))}
                </div>
                {rolesError ? <p className="ui-field__error">{rolesError}</p> : null}
              </fieldset>
              {readOnly ? null : (
                <button
                  type="button"
                  className="ui-button ui-button--small"
                  aria-label={`Remove rule ${index + 1}`}
                  onClick={() => setRules((current) => current.filter((_, i) => i !== index))}
                >
                  Remove rule
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <SettingsActions readOnly={readOnly} saving={saver.saving} label="Save rules">
        <button type="button" className="ui-button" onClick={() => setRules((current) => [...current, { roles: [] }])}>
          Add rule
        </button>
      </SettingsActions>
    </form>
  );
}
