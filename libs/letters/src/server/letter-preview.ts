import { type InstitutionRef, type ServiceContainer, ValidationError } from '@ulms/platform';
import type { UserDto } from '@ulms/users/contracts';
import { usersServices } from '@ulms/users/contracts';
import type { RenderedLetterDto } from '../contracts/letter.dto.js';
import type { z } from 'zod';
import type { previewLetterInput } from '../contracts/letter.schema.js';
import { templateData } from './letter-composer.js';
import { letterTypesRef, templateEngineRef } from './letters-refs.js';
import { TemplateRenderError } from './template-engine.js';

const sampleUser = {
  id: '00000000-0000-4000-8000-000000000000',
  primaryId: 'sample-patron',
  userTitle: null,
  firstName: 'Ada',
  prefFirstName: null,
  lastName: 'Lovelace',
  prefLastName: null,
  fullName: 'Ada Lovelace',
  emails: [{ emailAddress: 'ada@example.org', preferred: true }],
  userGroup: 'UNDERGRADUATE',
  expiryDate: '2030-06-30',
  preferredLanguage: null,
} as unknown as UserDto;

/** The wording being edited, rendered for a user (or a sample one) with the letter type's sample data. */
export async function previewLetter(
  services: ServiceContainer,
  institution: InstitutionRef,
  input: z.output<typeof previewLetterInput>,
): Promise<RenderedLetterDto> {
  const engine = services.get(templateEngineRef);
  const template = { subject: input.subject, html: input.html, text: input.text };
  const errors = engine.check(template);
  if (errors.length > 0) throw new ValidationError(errors);
  const type = await services.get(letterTypesRef).get(institution.id, input.letterTypeId);
  const user = input.userId ? await services.get(usersServices.users).get(institution.id, input.userId) : sampleUser;
  try {
    return await engine.render(template, templateData(user, institution, type.sample));
  } catch (error) {
    if (error instanceof TemplateRenderError)
      throw new ValidationError([{ field: error.field, message: error.message.slice(error.field.length + 2) }]);
    throw error;
  }
}
