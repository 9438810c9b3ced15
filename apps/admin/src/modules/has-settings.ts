import type { ModuleStatus } from '@ulms/platform/contracts';
import { fieldsOfSchema } from '@ulms/ui';

/** Whether the module's configuration schema has a property the form can edit. */
export function hasSettings(module: ModuleStatus): boolean {
  return (fieldsOfSchema(module.configJsonSchema)?.length ?? 0) > 0;
}
