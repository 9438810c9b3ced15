import { JsonSchemaForm } from '@ulms/ui';
import { usersConfigSchema, type UsersConfig } from '@ulms/users/contracts';
import { useId } from 'react';
import { z } from 'zod';
import type { UsersConfigSaver } from './use-save-users-config.js';
import { SettingsActions } from './settings-actions.js';

/** Generated from the whole configuration schema: every setting a plain field can hold. */
const usersConfigJsonSchema = z.toJSONSchema(usersConfigSchema, { io: 'input' });
/** Settings with a tab of their own; also the storage of attachments, chosen where storages are installed. */
const editedElsewhere = [
  'registrationForm',
  'identifierFormats',
  'userIdGeneration',
  'roleAssignmentRules',
  'attachments',
];

/** Formats new values must have, PIN numbers, patron activity and pictures. */
export function OtherSettingsForm({
  saver,
  config,
}: {
  readonly saver: UsersConfigSaver;
  readonly config: UsersConfig;
}) {
  const formId = useId();
  return (
    <section className="panel users-settings" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>Other settings</h2>
      <p className="muted">
        Formats new values must have, PIN numbers, the last patron activity date and where user pictures come from. A
        format is a regular expression, such as{' '}
        <code>
          ^[0-9]{'{'}4{'}'}$
        </code>{' '}
        for four digits.
      </p>
      <JsonSchemaForm
        formId={formId}
        schema={usersConfigJsonSchema}
        config={config}
        exclude={editedElsewhere}
        readOnly={!saver.canManage}
        serverErrors={saver.fieldErrors}
        serverMessage={saver.message}
        onSubmit={saver.saveWhole}
      />
      <SettingsActions readOnly={!saver.canManage} saving={saver.saving} label="Save settings" form={formId} />
    </section>
  );
}
