import type { BlockRuleDto } from '@ulms/blocks/contracts';
import { type ConfigField, fieldsOfSchema } from '@ulms/ui';

/** A setting the rules form edits with one input: text, a number, a yes/no, or one of a list. */
export type RuleSettingField = Extract<ConfigField, { kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum' }>;

export interface RulesFormValues {
  rules: { id: string; enabled: boolean; settings: Record<string, string | boolean> }[];
}

/** The settings of a rule's schema the form can edit; others keep their saved values. */
export function settingFieldsOf(rule: BlockRuleDto): RuleSettingField[] {
  return (fieldsOfSchema(rule.settingsSchema) ?? []).filter(
    (field): field is RuleSettingField => field.kind !== 'group' && field.kind !== 'list',
  );
}

const inputValueOf = (field: RuleSettingField, value: unknown): string | boolean => {
  const shown = value ?? field.defaultValue;
  if (field.kind === 'boolean') return shown === true;
  return shown === undefined || shown === null ? '' : String(shown);
};

export const formValuesOf = (rules: readonly BlockRuleDto[]): RulesFormValues => ({
  rules: rules.map((rule) => ({
    id: rule.id,
    enabled: rule.enabled,
    settings: Object.fromEntries(
      settingFieldsOf(rule).map((field) => [field.key, inputValueOf(field, rule.settings[field.key])]),
    ),
  })),
});

export interface RuleSettingsResult {
  readonly settings: Record<string, unknown>;
  /** Messages by the setting's key, for what the form can tell before sending. */
  readonly errors: Record<string, string>;
}

/** The settings to send for a rule: the saved ones, with the typed values read (numbers as numbers, empty left out). */
export function settingsOf(rule: BlockRuleDto, typed: Record<string, string | boolean>): RuleSettingsResult {
  const settings: Record<string, unknown> = { ...rule.settings };
  const errors: Record<string, string> = {};
  for (const field of settingFieldsOf(rule)) {
    const value = typed[field.key];
    if (field.kind === 'boolean') {
      settings[field.key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      delete settings[field.key];
      if (field.required) errors[field.key] = 'is required';
    } else if (field.kind === 'number' || field.kind === 'integer') {
      const number = Number(text);
      const whole = field.kind === 'integer' ? Number.isInteger(number) : true;
      if (Number.isFinite(number) && whole) settings[field.key] = number;
      else errors[field.key] = field.kind === 'integer' ? 'must be a whole number' : 'must be a number';
    } else {
      settings[field.key] = text;
    }
  }
  return { settings, errors };
}
