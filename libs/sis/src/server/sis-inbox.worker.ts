import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { PrismaClient } from '@prisma/client';
import {
  ConflictError,
  defineWorker,
  type InstitutionService,
  type ModuleService,
  type WorkerDefinition,
} from '@ulms/platform';
import { SIS_MODULE } from '../contracts/sis-module.js';
import type { SisRunService } from './sis-run.service.js';

/** A file younger than this may still be being written: it waits for the next round. */
const SETTLE_MS = 10_000;

/** `<dataDir>/sis-inbox/<institution code>/<profile code>`: where a watched profile's files are dropped. */
export const inboxOf = (dataDir: string, institutionCode: string, profileCode: string) =>
  join(dataDir, 'sis-inbox', institutionCode, profileCode);

/**
 * The watched folders: a file dropped in a watching profile's inbox is claimed (moved to `processing/`, an atomic
 * rename, so one process takes it), loaded as a full synchronisation, and moved to `processed/`. A file that
 * cannot start now (a run in progress) goes back and waits for a later round.
 */
export function createSisInboxWorker(deps: {
  prisma: PrismaClient;
  dataDir: string;
  institutions: InstitutionService;
  modules: ModuleService;
  runs: () => SisRunService;
  intervalMs?: number;
}): WorkerDefinition {
  return defineWorker({
    id: 'sis.inbox',
    intervalMs: deps.intervalMs ?? Number(process.env['SIS_INBOX_INTERVAL_MS'] ?? 30_000),
    async run({ signal }) {
      const watching = await deps.prisma.sisProfile.findMany({
        where: { settings: { path: ['watchFolder'], equals: true } },
        select: { id: true, code: true, institutionId: true },
        take: 1_000,
      });
      for (const profile of watching) {
        if (signal.aborted) return false;
        if (!(await deps.modules.isEnabled(profile.institutionId, SIS_MODULE))) continue;
        const institution = await deps.institutions.findById(profile.institutionId);
        if (!institution) continue;
        await loadOldestFile(inboxOf(deps.dataDir, institution.code, profile.code), profile, deps.runs());
      }
      return false;
    },
  });
}

async function loadOldestFile(
  inbox: string,
  profile: { id: string; institutionId: string },
  runs: SisRunService,
): Promise<void> {
  await mkdir(inbox, { recursive: true });
  const now = Date.now();
  const files: { name: string; mtime: number }[] = [];
  for (const entry of await readdir(inbox, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const { mtimeMs } = await stat(join(inbox, entry.name));
    if (now - mtimeMs >= SETTLE_MS) files.push({ name: entry.name, mtime: mtimeMs });
  }
  const oldest = files.sort((a, b) => a.mtime - b.mtime)[0];
  if (!oldest) return;
  const processing = join(inbox, 'processing');
  const processed = join(inbox, 'processed');
  await mkdir(processing, { recursive: true });
  await mkdir(processed, { recursive: true });
  const claimed = join(processing, oldest.name);
  try {
    await rename(join(inbox, oldest.name), claimed);
  } catch {
    return; // another process took it
  }
  try {
    await runs.start(profile.institutionId, {
      profileId: profile.id,
      fileName: oldest.name,
      content: createReadStream(claimed),
      dryRun: false,
      fullLoad: true,
      startedBy: 'SIS inbox',
    });
  } catch (error) {
    if (error instanceof ConflictError) {
      await rename(claimed, join(inbox, oldest.name));
      return;
    }
    throw error;
  }
  await rename(claimed, join(processed, `${new Date(now).toISOString().replace(/[:.]/g, '-')}-${oldest.name}`));
}
