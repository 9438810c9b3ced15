import {
  type InstitutionRef,
  type Principal,
  type ServiceContainer,
  tenancyServices,
  ValidationError,
  visibleOwnerLibraries,
} from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import type { UserPartsReplacement } from '../contracts/user-parts.schema.js';
import type { CreateUserInput } from '../contracts/user.schema.js';
import { almaUserToFields, foreignFieldModules } from '../server/alma/alma-user.mapper.js';
import { carriesData } from '../server/alma/alma-values.js';
import { usersServices } from '../server/users-services.js';
import type { AlmaContext } from './alma-user-document.js';

const ownerModuleOf = (field: string) => foreignFieldModules[field] ?? 'fines';

/**
 * A POST or PUT body as the user service takes it: the record's fields, and its notes, statistics and other
 * modules' parts. Whatever the service would not keep is refused here, each with its path in the document.
 */
export async function readAlmaUserBody(
  request: {
    services: ServiceContainer;
    institution: InstitutionRef;
    principal: Principal;
  },
  body: unknown,
  context: AlmaContext,
  /** The user a PUT replaces; none for a POST. */
  existingUserId: string | null = null,
): Promise<{ fields: CreateUserInput; parts: UserPartsReplacement }> {
  const { services, institution, principal } = request;
  const read = almaUserToFields(body, {
    libraryCodes: context.libraryCodes,
    institutionCode: institution.code,
  });
  const errors: FieldError[] = [
    ...read.unmapped.map((field) => ({
      field,
      message: 'is not a field of the user record this API stores; send the user without it',
    })),
    ...read.errors,
  ];
  if (!read.fields.recordType) errors.push({ field: 'record_type', message: 'is required' });

  const enabledParts = read.foreign.length ? await services.get(usersServices.documentParts)(institution.id) : [];
  const documentParts: {
    part: (typeof enabledParts)[number];
    value: unknown;
  }[] = [];
  for (const { field, value } of read.foreign) {
    const part = enabledParts.find((p) => p.field === field && p.write);
    if (part) {
      try {
        documentParts.push({
          part,
          value: part.prepare
            ? await part.prepare({ institutionId: institution.id, userId: existingUserId }, value)
            : value,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        errors.push(...error.fieldErrors);
      }
      continue;
    }
    if (!carriesData(value)) continue;
    const module = ownerModuleOf(field);
    const enabled = await services.get(tenancyServices.modules).isEnabled(institution.id, module);
    errors.push({
      field,
      message: enabled
        ? `the "${module}" module does not take it in the user record; send the user without it`
        : `is kept by the "${module}" module, which is not enabled for this institution; send the user without it`,
    });
  }
  if (errors.length) throw new ValidationError(errors);
  return {
    fields: read.fields,
    parts: {
      notes: read.notes,
      statistics: read.statistics,
      visibleLibraryIds: visibleOwnerLibraries(institution, principal),
      documentParts,
    },
  };
}
