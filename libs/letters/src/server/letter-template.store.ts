import type { PrismaClient } from '@prisma/client';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '@ulms/platform';
import type { LetterTemplateDto } from '../contracts/letter.dto.js';
import type { LetterType, LetterTemplateText } from '../contracts/letter-type.js';
import type { SaveLetterTemplateInput } from '../contracts/letter.schema.js';
import type { TemplateEngine } from './template-engine.js';

/** The wording a letter goes out with: an institution's own for the language, else the shipped one. */
export interface ResolvedTemplate extends LetterTemplateText {
  readonly language: string;
}

const FALLBACK_LANGUAGE = 'en';

/** The institutions' wording of letters, over the shipped wording of each letter type. */
export interface LetterTemplateStore {
  /**
   * The wording for a recipient's language: the institution's for that language, the shipped one, then the same
   * for the institution's default language, then the shipped English.
   */
  resolve(institutionId: string, type: LetterType, languages: readonly string[]): Promise<ResolvedTemplate>;
  get(institutionId: string, type: LetterType, language: string): Promise<LetterTemplateDto>;
  customizedLanguages(institutionId: string): Promise<ReadonlyMap<string, readonly string[]>>;
  save(
    by: { institutionId: string; actor: string },
    type: LetterType,
    input: SaveLetterTemplateInput,
  ): Promise<LetterTemplateDto>;
  /** Goes back to the shipped wording for the language. */
  reset(institutionId: string, type: LetterType, language: string): Promise<LetterTemplateDto>;
}

const shipped = (type: LetterType, language: string): LetterTemplateDto | null => {
  const text = type.templates[language];
  return text
    ? {
        letterTypeId: type.id,
        language,
        subject: text.subject,
        html: text.html,
        text: text.text ?? '',
        version: null,
        updatedAt: null,
        updatedBy: null,
      }
    : null;
};

export function createLetterTemplateStore(deps: { prisma: PrismaClient; engine: TemplateEngine }): LetterTemplateStore {
  const { prisma } = deps;
  const select = {
    letterTypeId: true,
    language: true,
    subject: true,
    html: true,
    text: true,
    version: true,
    updatedAt: true,
    updatedBy: true,
  };
  const store: LetterTemplateStore = {
    async resolve(institutionId, type, languages) {
      const wanted = [...new Set([...languages, FALLBACK_LANGUAGE])];
      const own = type.customizable
        ? await prisma.letterTemplate.findMany({
            where: { institutionId, letterTypeId: type.id, language: { in: wanted } },
            select,
          })
        : [];
      for (const language of wanted) {
        const found = own.find((t) => t.language === language) ?? shipped(type, language);
        if (found) return { ...found, language };
      }
      throw new NotFoundError(`wording of the letter "${type.id}" in ${wanted.join(', ')}`);
    },
    async get(institutionId, type, language) {
      const own = await prisma.letterTemplate.findUnique({
        where: { institutionId_letterTypeId_language: { institutionId, letterTypeId: type.id, language } },
        select,
      });
      if (own) return own;
      const fallback = await store.resolve(institutionId, type, [language]);
      return {
        ...fallback,
        letterTypeId: type.id,
        language,
        text: fallback.text ?? '',
        version: null,
        updatedAt: null,
        updatedBy: null,
      };
    },
    async customizedLanguages(institutionId) {
      const rows = await prisma.letterTemplate.findMany({
        where: { institutionId },
        select: { letterTypeId: true, language: true },
        orderBy: { language: 'asc' },
      });
      const byType = new Map<string, string[]>();
      for (const row of rows) byType.set(row.letterTypeId, [...(byType.get(row.letterTypeId) ?? []), row.language]);
      return byType;
    },
    async save(by, type, input) {
      if (!type.customizable) {
        throw new ValidationError([
          { field: 'letterTypeId', message: `the ${type.name} is written each time it is sent; it has no template` },
        ]);
      }
      const errors = deps.engine.check(input);
      if (errors.length > 0) throw new ValidationError(errors);
      const key = { institutionId: by.institutionId, letterTypeId: type.id, language: input.language };
      const wording = { subject: input.subject, html: input.html, text: input.text, updatedBy: by.actor };
      const stale = () =>
        new ConflictError('this wording was changed meanwhile by someone else; reload it and make your change again');
      if (input.expectedVersion === null) {
        try {
          return await prisma.letterTemplate.create({ data: { ...key, ...wording }, select });
        } catch (error) {
          if (isUniqueViolation(error)) throw stale();
          throw error;
        }
      }
      const { count } = await prisma.letterTemplate.updateMany({
        where: { ...key, version: input.expectedVersion },
        data: { ...wording, version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      return prisma.letterTemplate.findUniqueOrThrow({ where: { institutionId_letterTypeId_language: key }, select });
    },
    async reset(institutionId, type, language) {
      await prisma.letterTemplate.deleteMany({ where: { institutionId, letterTypeId: type.id, language } });
      return store.get(institutionId, type, language);
    },
  };
  return store;
}
