import type { BlockRuleDto } from '@ulms/blocks/contracts';
import { CheckboxField, errorAt, SelectField, TextField } from '@ulms/ui';
import type { UseFormReturn } from 'react-hook-form';
import { type RulesFormValues, settingFieldsOf } from './rule-settings.values.js';

export interface RuleSettingsFieldsProps {
  readonly rule: BlockRuleDto;
  readonly index: number;
  readonly form: UseFormReturn<RulesFormValues>;
  readonly readOnly: boolean;
}

/** A field for each setting the rule's schema names (text, number, yes/no, one of a list). */
export function RuleSettingsFields({ rule, index, form, readOnly }: RuleSettingsFieldsProps) {
  const fields = settingFieldsOf(rule);
  if (fields.length === 0) return null;
  const { errors } = form.formState;
  return (
    <div className="blocks-rule__settings" role="group" aria-label={`Settings of ${rule.title}`}>
      {fields.map((field) => {
        const name = `rules.${index}.settings.${field.key}` as const;
        const common = { disabled: readOnly, error: errorAt(errors, name), hint: field.description };
        switch (field.kind) {
          case 'boolean':
            return <CheckboxField key={field.key} label={field.label} {...common} {...form.register(name)} />;
          case 'enum':
            return (
              <SelectField
                key={field.key}
                label={field.label}
                required={field.required}
                placeholder={field.required ? undefined : 'None'}
                options={field.options.map((option) => ({ value: option, label: option }))}
                {...common}
                {...form.register(name)}
              />
            );
          default:
            return (
              <TextField
                key={field.key}
                label={field.label}
                required={field.required}
                inputMode={field.kind === 'string' ? undefined : 'decimal'}
                {...common}
                {...form.register(name)}
              />
            );
        }
      })}
    </div>
  );
}
