import { jobServices, NotFoundError, protectedProcedure } from '@ulms/platform';
import { usersPermissions, usersServices } from '@ulms/users/contracts';
import { z } from 'zod';
import type { LetterTypeDto, LettersSettingsDto } from '../contracts/letter.dto.js';
import {
  bulkLetterInput,
  generalMailInput,
  letterTemplateRef,
  outboxEntryInput,
  outboxListInput,
  previewLetterInput,
  saveLetterTemplateInput,
  setOptOutInput,
  userLetterInput,
  userLetterLogInput,
} from '../contracts/letter.schema.js';
import { LETTERS_MODULE, lettersPermissions as can } from '../contracts/letters-module.js';
import { bulkLetterJob } from './bulk-letter.job.js';
import { transportOf } from './letter-composer.js';
import {
  letterOperationsRef,
  letterOptOutsRef,
  letterTemplatesRef,
  letterTypesRef,
  outboxQueriesRef,
} from './letters-refs.js';
import { lettersSettingsRef } from './letters-config.ref.js';
import { previewLetter } from './letter-preview.js';

const send = protectedProcedure(LETTERS_MODULE, can.letterSend);
const sendPersonalInfo = protectedProcedure(LETTERS_MODULE, can.personalInfoSend);
const readLog = protectedProcedure(LETTERS_MODULE, can.logRead);
const manageOptOuts = protectedProcedure(LETTERS_MODULE, can.optOutManage);
const readOutbox = protectedProcedure(LETTERS_MODULE, can.outboxRead);
const retryOutbox = protectedProcedure(LETTERS_MODULE, can.outboxRetry);
const manageTemplates = protectedProcedure(LETTERS_MODULE, can.templateManage);
const sendBulk = protectedProcedure(LETTERS_MODULE, can.bulkSend);

const actorOf = (ctx: { institution: { id: string }; principal: { displayName: string } }) => ({
  institutionId: ctx.institution.id,
  actor: ctx.principal.displayName,
});

/** Letter templates, the letters staff send from a record, the outbox, a user's log and opt-outs, bulk messaging. */
export const lettersRouter = {
  types: manageTemplates.query(async ({ ctx }): Promise<LetterTypeDto[]> => {
    const [types, customized] = await Promise.all([
      ctx.services.get(letterTypesRef).list(ctx.institution.id),
      ctx.services.get(letterTemplatesRef).customizedLanguages(ctx.institution.id),
    ]);
    return types.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      optOut: t.optOut,
      customizable: t.customizable,
      languages: Object.keys(t.templates),
      customizedLanguages: customized.get(t.id) ?? [],
      variables: ['user', 'institution', 'today', ...Object.keys(t.sample).map((k) => `letter.${k}`)],
    }));
  }),
  templates: {
    get: manageTemplates.input(letterTemplateRef).query(async ({ ctx, input }) => {
      const type = await ctx.services.get(letterTypesRef).get(ctx.institution.id, input.letterTypeId);
      return ctx.services.get(letterTemplatesRef).get(ctx.institution.id, type, input.language);
    }),
    save: manageTemplates.input(saveLetterTemplateInput).mutation(async ({ ctx, input }) => {
      const type = await ctx.services.get(letterTypesRef).get(ctx.institution.id, input.letterTypeId);
      // Rendered once on the sample: a template error is reported now, not when a letter is sent.
      if (type.customizable) await previewLetter(ctx.services, ctx.institution, input);
      return ctx.services.get(letterTemplatesRef).save(actorOf(ctx), type, input);
    }),
    reset: manageTemplates.input(letterTemplateRef).mutation(async ({ ctx, input }) => {
      const type = await ctx.services.get(letterTypesRef).get(ctx.institution.id, input.letterTypeId);
      return ctx.services.get(letterTemplatesRef).reset(ctx.institution.id, type, input.language);
    }),
    preview: manageTemplates
      .input(previewLetterInput)
      .mutation(({ ctx, input }) => previewLetter(ctx.services, ctx.institution, input)),
  },
  send: {
    generalMail: send
      .input(generalMailInput)
      .mutation(({ ctx, input }) => ctx.services.get(letterOperationsRef).generalMail(ctx, input)),
    socialLoginInvitation: send
      .input(userLetterInput)
      .mutation(({ ctx, input }) => ctx.services.get(letterOperationsRef).socialLoginInvitation(ctx, input.userId)),
    userDeletion: send
      .input(userLetterInput)
      .mutation(({ ctx, input }) => ctx.services.get(letterOperationsRef).userDeletion(ctx, input.userId)),
    personalInformation: sendPersonalInfo
      .input(userLetterInput)
      .mutation(({ ctx, input }) => ctx.services.get(letterOperationsRef).personalInformation(ctx, input.userId)),
  },
  outbox: {
    /** Where letters go from, whether they leave at all, and the letter types to filter by. */
    settings: readOutbox.query(async ({ ctx }): Promise<LettersSettingsDto> => {
      const [config, types] = await Promise.all([
        ctx.services.get(lettersSettingsRef).for(ctx.institution.id),
        ctx.services.get(letterTypesRef).list(ctx.institution.id),
      ]);
      return {
        fromAddress: config.fromAddress,
        transport: transportOf(config),
        defaultLanguage: config.defaultLanguage ?? ctx.institution.defaultLanguage,
        letterTypes: types.map((t) => ({ id: t.id, name: t.name })),
      };
    }),
    list: readOutbox.input(outboxListInput).query(async ({ ctx, input }) => {
      if (input.userId) await ctx.services.get(usersServices.users).requireExisting(ctx.institution.id, input.userId);
      return ctx.services.get(outboxQueriesRef).list(ctx.institution.id, input);
    }),
    get: readOutbox
      .input(outboxEntryInput)
      .query(({ ctx, input }) => ctx.services.get(outboxQueriesRef).letter(ctx.institution.id, input.id)),
    retry: retryOutbox
      .input(outboxEntryInput)
      .mutation(({ ctx, input }) => ctx.services.get(outboxQueriesRef).retry(ctx.institution.id, input.id)),
  },
  log: {
    list: readLog.input(userLetterLogInput).query(async ({ ctx, input }) => {
      await ctx.services.get(usersServices.users).requireExisting(ctx.institution.id, input.userId);
      return ctx.services.get(outboxQueriesRef).list(ctx.institution.id, input);
    }),
    /** One letter of the user's log (a letter of another user is not found). */
    get: readLog.input(outboxEntryInput.extend({ userId: z.uuid() })).query(async ({ ctx, input }) => {
      const letter = await ctx.services.get(outboxQueriesRef).letter(ctx.institution.id, input.id);
      if (letter.userId !== input.userId) throw new NotFoundError('letter');
      return letter;
    }),
  },
  optOuts: {
    list: readLog
      .input(userLetterInput)
      .query(({ ctx, input }) => ctx.services.get(letterOptOutsRef).list(ctx.institution.id, input.userId)),
    set: manageOptOuts
      .input(setOptOutInput)
      .mutation(({ ctx, input }) => ctx.services.get(letterOptOutsRef).set(actorOf(ctx), input)),
  },
  bulk: {
    start: sendBulk
      .input(bulkLetterInput)
      .mutation(({ ctx, input }) =>
        ctx.services
          .get(jobServices.jobs)
          .start(
            ctx.institution.id,
            bulkLetterJob.id,
            { ...input, skipRestricted: !ctx.principal.permissions.has(usersPermissions.restrictedUserEdit) },
            ctx.principal.displayName,
            ctx.principal.id,
          ),
      ),
  },
};
