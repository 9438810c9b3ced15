import { defineFileRoute, type FileContribution, formFlag, tenancyServices, ValidationError } from '@ulms/platform';
import { z } from 'zod';
import type { CoursesConfig } from '../contracts/courses-config.schema.js';
import { COURSES_MODULE, coursesPermissions as can } from '../contracts/courses-module.js';
import { courseImportsRef } from './courses-refs.js';

/**
 * `POST /files/courses/imports`: an enrolment file (CSV by the institution's mapping, or JSON) in a
 * `multipart/form-data` body (field `file`, after `dryRun` and `fullLoad`, each true or false), stored and
 * imported by a new import; answers the import (202).
 */
export const startImportFile = defineFileRoute({
  method: 'POST',
  path: '/courses/imports',
  moduleId: COURSES_MODULE,
  permission: can.importStart,
  upload: {
    maxBytes: async ({ services, institution }) =>
      (await services.get(tenancyServices.modules).config<CoursesConfig>(institution.id, COURSES_MODULE))
        .maxUploadBytes,
    fields: ['dryRun', 'fullLoad'],
  },
  async handle({ upload, services, institution, principal }) {
    if (!upload) throw ValidationError.of('file', 'is required');
    const started = await services.get(courseImportsRef).start(institution.id, {
      fileName: upload.fileName,
      content: upload.content,
      dryRun: formFlag(upload.fields['dryRun'], 'dryRun'),
      fullLoad: formFlag(upload.fields['fullLoad'], 'fullLoad'),
      startedBy: principal.displayName,
      startedById: principal.id,
    });
    return { status: 202, json: started };
  },
});

/** `GET /files/courses/imports/{importId}/rejects.csv`: the import's rejected rows and why, as CSV. */
export const importRejectsFile = defineFileRoute({
  method: 'GET',
  path: '/courses/imports/{importId}/rejects.csv',
  moduleId: COURSES_MODULE,
  permission: can.importRead,
  params: z.object({ importId: z.uuid() }),
  async handle({ services, institution, params }) {
    const file = await services.get(courseImportsRef).rejectsFile(institution.id, params.importId);
    return {
      status: 200,
      file: {
        fileName: `enrolment-import-${params.importId}-rejects.csv`,
        contentType: 'text/csv; charset=utf-8',
        size: file.size,
        content: file.content,
      },
    };
  },
});

/** The courses module's file routes: upload an enrolment file, download an import's rejects. */
export const coursesFiles: FileContribution = { routes: [startImportFile, importRejectsFile] };
