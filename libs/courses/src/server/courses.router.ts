import { type TRPCRouterRecord } from '@trpc/server';
import { type InstitutionRef, type Principal, protectedProcedure } from '@ulms/platform';
import type { UserChangeActor } from '@ulms/users/contracts';
import {
  courseImportIdInput,
  listCourseImportEntriesInput,
  listCourseImportsInput,
  saveImportMappingInput,
} from '../contracts/course-import.schema.js';
import {
  courseIdInput,
  enrolmentIdInput,
  listCoursesInput,
  listEnrolmentsInput,
  removeAllEnrolmentsInput,
} from '../contracts/course.schema.js';
import { COURSES_MODULE, coursesPermissions as can } from '../contracts/courses-module.js';
import { courseImportsRef, courseStoreRef, importMappingRef } from './courses-refs.js';

const readCourses = protectedProcedure(COURSES_MODULE, can.courseRead);
const removeEnrolments = protectedProcedure(COURSES_MODULE, can.enrolmentRemove);
const readImports = protectedProcedure(COURSES_MODULE, can.importRead);
const startImports = protectedProcedure(COURSES_MODULE, can.importStart);
const manageMapping = protectedProcedure(COURSES_MODULE, can.mappingManage);

/** Who removes enrolments, as History and the enrolment rules take it. */
const actorOf = (ctx: { institution: InstitutionRef; principal: Principal }): UserChangeActor => ({
  institutionId: ctx.institution.id,
  actor: ctx.principal.displayName,
  actorKind: ctx.principal.kind,
});

/** Courses, a user's enrolments (the Courses tab), enrolment imports and their CSV mapping. */
export const coursesRouter = {
  list: readCourses
    .input(listCoursesInput)
    .query(({ ctx, input }) => ctx.services.get(courseStoreRef).list(ctx.institution.id, input)),
  get: readCourses
    .input(courseIdInput)
    .query(({ ctx, input }) => ctx.services.get(courseStoreRef).get(ctx.institution.id, input.id)),
  enrolments: {
    list: readCourses
      .input(listEnrolmentsInput)
      .query(({ ctx, input }) => ctx.services.get(courseStoreRef).enrolments(ctx.institution.id, input)),
    remove: removeEnrolments
      .input(enrolmentIdInput)
      .mutation(({ ctx, input }) => ctx.services.get(courseStoreRef).removeEnrolment(actorOf(ctx), input.id)),
    removeAll: removeEnrolments
      .input(removeAllEnrolmentsInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(courseStoreRef).removeAllEnrolments(actorOf(ctx), input.userId, input.expected),
      ),
  },
  imports: {
    list: readImports
      .input(listCourseImportsInput)
      .query(({ ctx, input }) => ctx.services.get(courseImportsRef).list(ctx.institution.id, input)),
    get: readImports
      .input(courseImportIdInput)
      .query(({ ctx, input }) => ctx.services.get(courseImportsRef).get(ctx.institution.id, input.id)),
    entries: readImports
      .input(listCourseImportEntriesInput)
      .query(({ ctx, input }) => ctx.services.get(courseImportsRef).entries(ctx.institution.id, input)),
    /** Applies a finished dry run: a new import of the same file. */
    applyDryRun: startImports
      .input(courseImportIdInput)
      .mutation(({ ctx, input }) =>
        ctx.services
          .get(courseImportsRef)
          .apply(ctx.institution.id, input.id, ctx.principal.displayName, ctx.principal.id),
      ),
  },
  mapping: {
    get: readImports.query(({ ctx }) => ctx.services.get(importMappingRef).get(ctx.institution.id)),
    save: manageMapping
      .input(saveImportMappingInput)
      .mutation(({ ctx, input }) => ctx.services.get(importMappingRef).save(ctx.institution.id, input)),
  },
} satisfies TRPCRouterRecord;
