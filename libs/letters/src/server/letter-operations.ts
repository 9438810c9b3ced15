import {
  ForbiddenError,
  type InstitutionRef,
  type ModuleService,
  type Principal,
  ValidationError,
} from '@ulms/platform';
import type { FeeBalances } from '@ulms/fines/contracts';
import {
  isRestrictedForEditing,
  type PersonalDataService,
  type UserDto,
  type UserPartsService,
  type UserService,
  usersPermissions,
  type UsersConfig,
} from '@ulms/users/contracts';
import type { LetterAttachment } from '../contracts/letter-type.js';
import type { GeneralMailInput } from '../contracts/letter.schema.js';
import type { OutboxEntryDto } from '../contracts/letter.dto.js';
import { type LetterComposer, preferredEmailOf } from './letter-composer.js';
import {
  generalMail,
  personalInformation,
  socialLoginInvitation,
  userDeletion,
} from './letter-types/letters-letter-types.js';
import type { OutboxQueries } from './outbox.queries.js';

/** A staff member or API key sending a letter from a user's record. */
export interface LetterSender {
  readonly institution: InstitutionRef;
  readonly principal: Principal;
}

/** The letters staff send to one user from the record (the reference's Send Message). */
export interface LetterOperations {
  generalMail(by: LetterSender, input: GeneralMailInput): Promise<OutboxEntryDto>;
  personalInformation(by: LetterSender, userId: string): Promise<OutboxEntryDto>;
  socialLoginInvitation(by: LetterSender, userId: string): Promise<OutboxEntryDto>;
  /** Tells a user who cannot be deleted of the balance due; a copy goes to their attachments. */
  userDeletion(by: LetterSender, userId: string): Promise<OutboxEntryDto>;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export function createLetterOperations(deps: {
  composer: LetterComposer;
  outbox: OutboxQueries;
  users: UserService;
  parts: UserPartsService;
  personalData: PersonalDataService;
  modules: ModuleService;
  balances: () => FeeBalances | null;
  socialSignInUrl: (institutionId: string) => Promise<string | undefined>;
}): LetterOperations {
  /** The recipient, once the sender may email them ("Can't edit restricted users"). */
  const recipient = async (by: LetterSender, userId: string): Promise<UserDto> => {
    const [user, usersConfig] = await Promise.all([
      deps.users.get(by.institution.id, userId),
      deps.modules.config(by.institution.id, 'users') as Promise<UsersConfig>,
    ]);
    if (
      isRestrictedForEditing(user, usersConfig.restrictedRoles) &&
      !by.principal.permissions.has(usersPermissions.restrictedUserEdit)
    ) {
      throw new ForbiddenError(
        `${user.fullName || user.primaryId} is restricted for editing; emailing them needs the permission ${usersPermissions.restrictedUserEdit}`,
      );
    }
    return user;
  };

  /** The sender's own preferred email, for institutions that send staff letters from the staff member. */
  const senderAddress = async (by: LetterSender): Promise<string | null> => {
    if (by.principal.kind !== 'staff') return null;
    const staff = await deps.users.getMany(by.institution.id, [by.principal.id]);
    return staff[0] ? preferredEmailOf(staff[0]) : null;
  };

  const send = async (
    by: LetterSender,
    user: UserDto,
    letterTypeId: string,
    request: { data?: Record<string, unknown>; attachments?: LetterAttachment[]; senderAddress?: string | null },
  ): Promise<OutboxEntryDto> => {
    const outcome = await deps.composer.sendTo(
      { institutionId: by.institution.id, actor: by.principal.displayName },
      user,
      { ...request, letterTypeId, userId: user.id },
    );
    if (outcome.status === 'skipped') {
      const why = outcome.reason === 'noEmail' ? 'has no preferred email address' : 'opted out of this letter';
      throw new ValidationError([{ field: 'userId', message: `${user.fullName || user.primaryId} ${why}` }]);
    }
    return deps.outbox.entry(by.institution.id, outcome.id);
  };

  return {
    async generalMail(by, input) {
      const user = await recipient(by, input.userId);
      return send(by, user, generalMail.id, {
        data: { subject: input.subject, body: input.body },
        senderAddress: await senderAddress(by),
      });
    },
    async personalInformation(by, userId) {
      const user = await recipient(by, userId);
      const { xml, attachments } = await deps.personalData.document(by, user, '/almaws/v1');
      const files = await Promise.all(
        attachments.map(async (a) => {
          const file = await deps.parts.downloadAttachment(by.institution.id, user.id, a.id);
          return { filename: file.fileName, contentType: file.mimeType, contentBase64: file.contentBase64 };
        }),
      );
      return send(by, user, personalInformation.id, {
        data: { attachmentCount: files.length },
        attachments: [{ filename: 'user.xml', contentType: 'application/xml', contentBase64: base64(xml) }, ...files],
      });
    },
    async socialLoginInvitation(by, userId) {
      const user = await recipient(by, userId);
      const signInUrl = await deps.socialSignInUrl(by.institution.id);
      if (!signInUrl) {
        throw new ValidationError([
          {
            field: 'letterTypeId',
            message: 'no social sign-in page is configured (letters settings: socialSignInUrl)',
          },
        ]);
      }
      return send(by, user, socialLoginInvitation.id, { data: { signInUrl } });
    },
    async userDeletion(by, userId) {
      const user = await recipient(by, userId);
      const balances = deps.balances();
      const owed = balances ? (await balances.balancesOf(by.institution.id, [user.id])).get(user.id) : undefined;
      if (!owed || Number(owed.active) <= 0) {
        throw new ValidationError([
          {
            field: 'userId',
            message: `${user.fullName || user.primaryId} owes nothing: the User Deletion letter tells of a balance due`,
          },
        ]);
      }
      const entry = await send(by, user, userDeletion.id, { data: { balance: owed.active, currency: owed.currency } });
      const letter = await deps.outbox.letter(by.institution.id, entry.id);
      await deps.parts.addAttachment(
        { institutionId: by.institution.id, actor: by.principal.displayName, actorKind: by.principal.kind },
        {
          userId: user.id,
          fileName: `user-deletion-letter-${entry.createdAt.toISOString().slice(0, 10)}.txt`,
          contentBase64: base64(`To: ${letter.toAddress}\nSubject: ${letter.subject}\n\n${letter.text}\n`),
          note: 'Copy of the User Deletion letter sent to the user',
        },
      );
      return entry;
    },
  };
}
