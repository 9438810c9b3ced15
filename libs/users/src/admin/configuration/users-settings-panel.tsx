import { IdentifierFormatsForm } from './identifier-formats.form.js';
import { MandatoryFieldsForm } from './mandatory-fields.form.js';
import { OtherSettingsForm } from './other-settings.form.js';
import { RoleAssignmentRulesForm } from './role-assignment-rules.form.js';
import { useSaveUsersConfig } from './use-save-users-config.js';
import { UserIdGenerationForm } from './user-id-generation.form.js';

export type UsersSetting =
  | 'mandatoryFields'
  | 'identifierFormats'
  | 'userIdGeneration'
  | 'roleAssignmentRules'
  | 'otherSettings';

const savedMessages: Record<UsersSetting, string> = {
  mandatoryFields: 'Mandatory fields saved.',
  identifierFormats: 'Identifier formats saved.',
  userIdGeneration: 'User ID generation saved.',
  roleAssignmentRules: 'Role assignment rules saved.',
  otherSettings: 'Settings saved.',
};

/** One group of the users module's settings, loaded and saved on its own; its form restarts from what was saved. */
export function UsersSettingsPanel({ setting }: { readonly setting: UsersSetting }) {
  const saver = useSaveUsersConfig(savedMessages[setting]);
  if (saver.loadError) {
    return (
      <p className="ui-form-error" role="alert">
        {saver.loadError}
      </p>
    );
  }
  const config = saver.config;
  if (!config) return <p aria-live="polite">Loading the settings…</p>;
  switch (setting) {
    case 'mandatoryFields':
      return <MandatoryFieldsForm key={JSON.stringify(config.registrationForm)} saver={saver} config={config} />;
    case 'identifierFormats':
      return (
        <IdentifierFormatsForm key={JSON.stringify(config.identifierFormats ?? {})} saver={saver} config={config} />
      );
    case 'userIdGeneration':
      return <UserIdGenerationForm key={JSON.stringify(config.userIdGeneration)} saver={saver} config={config} />;
    case 'roleAssignmentRules':
      return <RoleAssignmentRulesForm key={JSON.stringify(config.roleAssignmentRules)} saver={saver} config={config} />;
    case 'otherSettings':
      return <OtherSettingsForm key={JSON.stringify(config)} saver={saver} config={config} />;
  }
}
