import type { PrismaClient } from '@prisma/client';
import { ConflictError, isUniqueViolation, NotFoundError, parseInput, ValidationError } from '@ulms/platform';
import type { EnabledExtensions } from '@ulms/platform';
import { csvTargetError } from '../contracts/sis-csv-targets.js';
import { sisExtensionPoints } from '../contracts/sis-extension-points.js';
import { saveSisProfileInput, type SaveSisProfileInput, sisProfileSettings } from '../contracts/sis-profile.schema.js';
import type { SisProfileDto } from '../contracts/sis-run.dto.js';

/** The institution's integration profiles. */
export interface SisProfileStore {
  list(institutionId: string): Promise<SisProfileDto[]>;
  get(institutionId: string, id: string): Promise<SisProfileDto>;
  byCode(institutionId: string, code: string): Promise<SisProfileDto>;
  save(institutionId: string, input: SaveSisProfileInput): Promise<SisProfileDto>;
  remove(institutionId: string, id: string): Promise<void>;
}

type ProfileRow = { id: string; code: string; version: number; settings: unknown; updatedAt: Date };

const toDto = (row: ProfileRow): SisProfileDto => ({
  id: row.id,
  code: row.code,
  version: row.version,
  // Stored settings were checked when saved; parsing fills defaults added since.
  settings: sisProfileSettings.parse(row.settings),
  updatedAt: row.updatedAt.toISOString(),
});

const select = { id: true, code: true, version: true, settings: true, updatedAt: true } as const;

export function createSisProfileStore(deps: { prisma: PrismaClient; extensions: EnabledExtensions }): SisProfileStore {
  const { prisma } = deps;
  const find = async (institutionId: string, where: { id: string } | { code: string }) => {
    const row = await prisma.sisProfile.findFirst({ where: { institutionId, ...where }, select });
    if (!row) throw new NotFoundError('SIS profile');
    return toDto(row);
  };
  return {
    async list(institutionId) {
      const rows = await prisma.sisProfile.findMany({
        where: { institutionId },
        select,
        orderBy: { code: 'asc' },
        take: 500,
      });
      return rows.map(toDto);
    },
    get: (institutionId, id) => find(institutionId, { id }),
    byCode: (institutionId, code) => find(institutionId, { code }),
    async save(institutionId, input) {
      const { id, version, code, settings } = parseInput(saveSisProfileInput, input);
      if (id) await find(institutionId, { id });
      const formats = await deps.extensions.for(sisExtensionPoints.formats, institutionId);
      const format = formats.find((f) => f.id === settings.format);
      const errors = [
        ...(format
          ? []
          : [
              {
                field: 'settings.format',
                message: `"${settings.format}" is not a format of this institution (${formats.map((f) => f.id).join(', ')})`,
              },
            ]),
        ...(format?.usesColumnMapping && settings.csvMapping.length === 0
          ? [{ field: 'settings.csvMapping', message: 'map at least one column (primary_id among them)' }]
          : []),
        ...(format?.usesColumnMapping &&
        settings.csvMapping.length > 0 &&
        !settings.csvMapping.some((m) => m.field === 'primary_id')
          ? [{ field: 'settings.csvMapping', message: 'map a column to primary_id' }]
          : []),
        ...settings.csvMapping.flatMap((m, index) => {
          const error = csvTargetError(m.field);
          return error ? [{ field: `settings.csvMapping.${index}.field`, message: error }] : [];
        }),
      ];
      if (errors.length > 0) throw new ValidationError(errors);
      try {
        if (!id) {
          return toDto(await prisma.sisProfile.create({ data: { institutionId, code, settings }, select }));
        }
        const { count } = await prisma.sisProfile.updateMany({
          where: { id, institutionId, ...(version !== undefined ? { version } : {}) },
          data: { code, settings, version: { increment: 1 }, updatedAt: new Date() },
        });
        if (count === 0) {
          await find(institutionId, { id });
          throw new ConflictError('the profile was changed meanwhile; reload it');
        }
        return find(institutionId, { id });
      } catch (error) {
        if (isUniqueViolation(error)) throw ValidationError.of('code', `a profile with code "${code}" exists already`);
        throw error;
      }
    },
    async remove(institutionId, id) {
      await find(institutionId, { id });
      const running = await prisma.sisRun.count({
        where: { institutionId, profileId: id, status: { in: ['QUEUED', 'RUNNING'] } },
      });
      if (running > 0) throw new ConflictError('a run of this profile is in progress');
      await prisma.$transaction([
        prisma.sisUserState.deleteMany({ where: { institutionId, profileId: id } }),
        prisma.sisProfile.deleteMany({ where: { institutionId, id } }),
      ]);
    },
  };
}
