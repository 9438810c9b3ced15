import type { PartsViewer, UsersInstitutionRef } from './service-callers.js';
import type { AttachmentDto } from './user-parts.schema.js';
import type { UserDto } from './user.dto.js';

/** Who asks for a user's personal data: the institution as the kernel knows it, and the viewer's library scope. */
export interface PersonalDataViewer {
  readonly institution: UsersInstitutionRef & {
    readonly code: string;
    readonly name: string;
    readonly defaultCurrency: string;
    readonly defaultLanguage: string;
  };
  readonly principal: PartsViewer['principal'];
}

/** Everything kept about a user as one Alma document: the record, notes, statistics and attachments (listed). */
export interface PersonalDataService {
  document(
    viewer: PersonalDataViewer,
    user: UserDto,
    baseUrl: string,
  ): Promise<{ readonly json: Record<string, unknown>; readonly xml: string; readonly attachments: AttachmentDto[] }>;
}
