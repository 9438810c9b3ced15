import { JsonSchemaForm } from '@ulms/ui';
import { usersConfigSchema, type UsersConfig } from '@ulms/users/contracts';
import { useId } from 'react';
import { z } from 'zod';
import type { UsersConfigSaver } from './use-save-users-config.js';
import { SettingsActions } from './settings-actions.js';

/** The form is generated from this part of the configuration schema, with its titles and limits. */
const userIdGenerationSchema = (z.toJSONSchema(usersConfigSchema, { io: 'input' }).properties ?? {})[
  'userIdGeneration'
];

const settingErrors = (errors: Readonly<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith('userIdGeneration.'))
      .map(([path, message]) => [path.slice('userIdGeneration.'.length), message]),
  );

/** Whether new users without a primary identifier get a generated one, and its shape. */
export function UserIdGenerationForm({
  saver,
  config,
}: {
  readonly saver: UsersConfigSaver;
  readonly config: UsersConfig;
}) {
  const formId = useId();
  const { prefix, digits } = config.userIdGeneration;
  return (
    <section className="panel users-settings" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>User ID generation</h2>
      <p className="muted">
        When it is on, a user added without a primary identifier gets the next number, for example{' '}
        <code>{`${prefix}${'1'.padStart(digits, '0')}`}</code>.
      </p>
      <JsonSchemaForm
        formId={formId}
        schema={userIdGenerationSchema}
        config={config.userIdGeneration}
        exclude={['generator']}
        readOnly={!saver.canManage}
        serverErrors={settingErrors(saver.fieldErrors)}
        serverMessage={saver.message}
        onSubmit={(edited) => saver.save({ userIdGeneration: { ...config.userIdGeneration, prefix: '', ...edited } })}
      />
      <SettingsActions
        readOnly={!saver.canManage}
        saving={saver.saving}
        label="Save user ID generation"
        form={formId}
      />
    </section>
  );
}
