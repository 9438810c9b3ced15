/** What the users.purge job reports: who was deleted, and who was kept and why. */
export interface PurgeReport {
  readonly deleted: readonly string[];
  readonly skipped: readonly { readonly primaryId: string; readonly reasons: readonly string[] }[];
}

/** What the users.bulkEdit job reports: how many users matched, how many changed, and each failure. */
export interface BulkEditReport {
  readonly matched: number;
  readonly updated: number;
  readonly failed: readonly {
    readonly primaryId: string;
    readonly errors: readonly { readonly field: string; readonly message: string }[];
  }[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The report of a purge, or null when it is not one (still running, or an older shape). */
export function purgeReportOf(report: unknown): PurgeReport | null {
  if (!isObject(report) || !isStringList(report['deleted']) || !Array.isArray(report['skipped'])) return null;
  const skipped = report['skipped'].filter(
    (entry): entry is PurgeReport['skipped'][number] =>
      isObject(entry) && typeof entry['primaryId'] === 'string' && isStringList(entry['reasons']),
  );
  return { deleted: report['deleted'], skipped };
}

/** The report of a bulk edit, or null when it is not one. */
export function bulkEditReportOf(report: unknown): BulkEditReport | null {
  if (
    !isObject(report) ||
    typeof report['matched'] !== 'number' ||
    typeof report['updated'] !== 'number' ||
    !Array.isArray(report['failed'])
  ) {
    return null;
  }
  const failed = report['failed']
    .filter((entry): entry is Record<string, unknown> => isObject(entry) && typeof entry['primaryId'] === 'string')
    .map((entry) => ({
      primaryId: entry['primaryId'] as string,
      errors: (Array.isArray(entry['errors']) ? entry['errors'] : [])
        .filter(isObject)
        .map((error) => ({ field: String(error['field'] ?? ''), message: String(error['message'] ?? '') })),
    }));
  return { matched: report['matched'], updated: report['updated'], failed };
}
