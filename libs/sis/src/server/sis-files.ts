import { defineFileRoute, type FileContribution, formFlag, tenancyServices, ValidationError } from '@ulms/platform';
import { z } from 'zod';
import type { SisConfig } from '../contracts/sis-config.schema.js';
import { SIS_MODULE, sisPermissions as can } from '../contracts/sis-module.js';
import { sisRunsRef } from './sis-refs.js';

/**
 * `POST /files/sis/profiles/{profileId}/runs`: a SIS file in a `multipart/form-data` body (field `file`, after
 * `dryRun` and `fullLoad`, each true or false), stored and loaded by a new run; answers the run (202).
 */
export const startRunFile = defineFileRoute({
  method: 'POST',
  path: '/sis/profiles/{profileId}/runs',
  moduleId: SIS_MODULE,
  permission: can.runStart,
  params: z.object({ profileId: z.uuid() }),
  upload: {
    maxBytes: async ({ services, institution }) =>
      (await services.get(tenancyServices.modules).config<SisConfig>(institution.id, SIS_MODULE)).maxUploadBytes,
    fields: ['dryRun', 'fullLoad'],
  },
  async handle({ upload, params, services, institution, principal }) {
    if (!upload) throw ValidationError.of('file', 'is required');
    const run = await services.get(sisRunsRef).start(institution.id, {
      profileId: params.profileId,
      fileName: upload.fileName,
      content: upload.content,
      dryRun: formFlag(upload.fields['dryRun'], 'dryRun'),
      fullLoad: formFlag(upload.fields['fullLoad'], 'fullLoad'),
      startedBy: principal.displayName,
      startedById: principal.id,
    });
    return { status: 202, json: run };
  },
});

/** `GET /files/sis/runs/{runId}/rejects.csv`: the run's rejected records and why, as CSV. */
export const rejectsFile = defineFileRoute({
  method: 'GET',
  path: '/sis/runs/{runId}/rejects.csv',
  moduleId: SIS_MODULE,
  permission: can.runRead,
  params: z.object({ runId: z.uuid() }),
  async handle({ services, institution, params }) {
    const file = await services.get(sisRunsRef).rejectsFile(institution.id, params.runId);
    return {
      status: 200,
      file: {
        fileName: `sis-run-${params.runId}-rejects.csv`,
        contentType: 'text/csv; charset=utf-8',
        size: file.size,
        content: file.content,
      },
    };
  },
});

/** The SIS module's file routes: upload a file to run, download a run's rejects. */
export const sisFiles: FileContribution = { routes: [startRunFile, rejectsFile] };
