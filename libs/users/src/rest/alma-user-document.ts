import type { InstitutionRef, ServiceContainer } from '@ulms/platform';
import { tenancyServices, ValidationError } from '@ulms/platform';
import { noteTypes } from '../contracts/user-codes.js';
import type { AttachmentDto, NoteDto, StatisticDto } from '../contracts/user-parts.schema.js';
import type { UserDto } from '../contracts/user.dto.js';
import { almaLabelsOf } from '../server/alma/alma-labels.js';
import { type AlmaOutputOptions, userDtoToAlma } from '../server/alma/alma-user.mapper.js';
import { almaSegmentTypeOf } from '../server/alma/alma-codes.js';
import { usersServices } from '../server/users-services.js';

type Json = Record<string, unknown>;

/** What writing and reading Alma documents needs of an institution: labels for codes, and library codes. */
export interface AlmaContext {
  readonly output: AlmaOutputOptions;
  readonly libraryCodes: ReadonlySet<string>;
}

interface BuiltContext {
  readonly from: readonly [InstitutionRef, readonly unknown[], readonly unknown[]];
  readonly context: AlmaContext;
}
// Built again only when one of its sources is no longer the (cached) object it was built from.
const lastContexts = new Map<string, BuiltContext>();

/** The institution's code-table labels and libraries. */
export async function almaContextOf(services: ServiceContainer, institution: InstitutionRef): Promise<AlmaContext> {
  const [entries, libraries] = await Promise.all([
    services.get(usersServices.codeTables).list(institution.id),
    services.get(tenancyServices.institutions).listLibraries(institution.id),
  ]);
  const last = lastContexts.get(institution.id);
  if (last && last.from[0] === institution && last.from[1] === entries && last.from[2] === libraries)
    return last.context;
  const context = {
    output: {
      labels: almaLabelsOf(entries, libraries),
      institution: { code: institution.code, name: institution.name },
    },
    libraryCodes: new Set(libraries.map((l) => l.code)),
  };
  lastContexts.set(institution.id, {
    from: [institution, entries, libraries],
    context,
  });
  return context;
}

/** The address of a user in the API. */
export const userLink = (baseUrl: string, user: Pick<UserDto, 'primaryId'>) =>
  `${baseUrl}/users/${encodeURIComponent(user.primaryId)}`;

/** The full Alma user with its link. */
export function fullAlmaUser(user: UserDto, context: AlmaContext, baseUrl: string): Json {
  return {
    ...userDtoToAlma(user, context.output),
    link: userLink(baseUrl, user),
  };
}

const BRIEF_FIELDS = [
  'primary_id',
  'first_name',
  'middle_name',
  'last_name',
  'full_name',
  'user_group',
  'record_type',
  'account_type',
  'status',
  'expiry_date',
];

/** The brief Alma user (`view=brief` and list entries). */
export function briefAlmaUser(user: UserDto, context: AlmaContext, baseUrl: string): Json {
  const full = userDtoToAlma(user, context.output);
  return {
    ...Object.fromEntries(BRIEF_FIELDS.map((k) => [k, full[k]])),
    link: userLink(baseUrl, user),
  };
}

const segmentTypeOf = (type: string) => almaSegmentTypeOf[type as keyof typeof almaSegmentTypeOf] ?? type;
const almaDate = (at: Date) => `${at.toISOString().slice(0, 10)}Z`;

/** A note as the reference's `user_note`. */
export function almaNote(note: NoteDto): Json {
  return {
    note_type: {
      value: note.noteType,
      desc: noteTypes[note.noteType as keyof typeof noteTypes] ?? note.noteType,
    },
    note_text: note.text,
    user_viewable: note.userViewable,
    popup_note: note.popUp,
    created_by: note.createdBy,
    created_date: note.createdAt.toISOString(),
    segment_type: segmentTypeOf(note.segmentType),
  };
}

/** A statistic as the reference's `user_statistic`. */
export function almaStatistic(statistic: StatisticDto, context: AlmaContext): Json {
  const label = (table: 'STATISTIC_CATEGORY_TYPE' | 'STATISTIC_CATEGORY', code: string) =>
    context.output.labels?.codeTable(table, code) ?? code;
  return {
    statistic_category: {
      value: statistic.category,
      desc: label('STATISTIC_CATEGORY', statistic.category),
    },
    category_type: {
      value: statistic.categoryType,
      desc: label('STATISTIC_CATEGORY_TYPE', statistic.categoryType),
    },
    statistic_note: statistic.note,
    segment_type: segmentTypeOf(statistic.segmentType),
  };
}

/** An attachment's description as the reference's `user_attachment`. */
export function almaAttachment(attachment: AttachmentDto, userUrl: string): Json {
  return {
    id: attachment.id,
    file_name: attachment.fileName,
    content_type: attachment.mimeType,
    size: attachment.size,
    note: attachment.note,
    created_by: attachment.createdBy,
    creation_date: almaDate(attachment.createdAt),
    link: `${userUrl}/attachments/${attachment.id}`,
  };
}

/** The reference's `expand` words, and who could provide each. */
const expandProviders: Readonly<Record<string, string>> = {
  loans: 'a circulation plugin',
  requests: 'a circulation plugin',
  fees: 'the "fines" module',
};

/** `expand=fees,loans` as its words; words the reference does not have are refused. */
export function parseExpand(expand: string | undefined): string[] {
  const words = (expand ?? '')
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const unknown = words.filter((w) => !(w in expandProviders));
  if (unknown.length) {
    throw ValidationError.of(
      'expand',
      `${unknown.map((w) => `"${w}"`).join(', ')} cannot be expanded (expandable: ${Object.keys(expandProviders).join(', ')})`,
    );
  }
  return [...new Set(words)];
}

/**
 * Other modules' parts of a user's document: every enabled part that is not on request only (unless
 * `expandedOnly`, for the brief view), and the ones `expand` asks for; an expansion no enabled module provides is refused.
 */
export async function documentPartsOf(
  services: ServiceContainer,
  institution: InstitutionRef,
  user: Pick<UserDto, 'id' | 'primaryId'>,
  baseUrl: string,
  expand: readonly string[],
  options: { expandedOnly?: boolean } = {},
): Promise<Json> {
  const parts = await services.get(usersServices.documentParts)(institution.id);
  const missing = expand.filter((word) => !parts.some((p) => p.field === word));
  if (missing.length) {
    throw new ValidationError(
      missing.map((word) => ({
        field: 'expand',
        message: `"${word}" needs ${expandProviders[word]}, and none is enabled for this institution`,
      })),
    );
  }
  const shown = parts.filter((p) => (expand.includes(p.field) ? true : !p.expandOnly && !options.expandedOnly));
  const context = {
    institutionId: institution.id,
    userId: user.id,
    userUrl: userLink(baseUrl, user),
  };
  const values = await Promise.all(shown.map((p) => p.read(context)));
  return Object.fromEntries(shown.map((p, i) => [p.field, values[i]]));
}
