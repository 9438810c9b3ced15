import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coreServices, type ServiceContainer } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import { enrolmentFieldNames, type EnrolmentRow } from '../../contracts/enrolment-fields.js';
import { courseCache, loadBatch } from '../course-import.batch.js';
import { enrolmentCsv } from '../enrolment-csv.js';

const autumn = { term: 'AUTUMN2026', start_date: '2026-09-01', end_date: '2026-12-18', status: 'ACTIVE' };
const spring = { term: 'SPRING2026', start_date: '2026-01-12', end_date: '2026-05-15', status: 'INACTIVE' };

/** The demo's courses, with their instructors (demo faculty). */
const courses: Record<string, EnrolmentRow> = {
  'HIST101-01': {
    course_code: 'HIST101',
    section: '01',
    course_name: 'History of Europe',
    academic_department: 'HIST',
    ...autumn,
    instructors: ['f2000001'],
  },
  'HIST101-02': {
    course_code: 'HIST101',
    section: '02',
    course_name: 'History of Europe',
    academic_department: 'HIST',
    ...autumn,
    instructors: ['f2000002'],
  },
  MATH200: {
    course_code: 'MATH200',
    course_name: 'Linear Algebra',
    academic_department: 'MATH',
    ...autumn,
    instructors: ['f2000003', 'f2000004'],
  },
  BIO110: {
    course_code: 'BIO110',
    course_name: 'Cell Biology',
    academic_department: 'BIO',
    ...spring,
    instructors: ['f2000005'],
  },
  CHEM150: { course_code: 'CHEM150', course_name: 'General Chemistry', academic_department: 'CHEM', ...autumn },
};

/** Forty demo students (s1000101–s1000140) in one to four courses each; s1000101 in HIST101-01, MATH200, BIO110 and CHEM150. */
export function demoEnrolmentRows(): EnrolmentRow[] {
  const rows: EnrolmentRow[] = [];
  for (let i = 0; i < 40; i++) {
    const user_primary_id = `s${1_000_101 + i}`;
    const enrolled = [i % 2 === 0 ? 'HIST101-01' : 'HIST101-02'];
    if (i % 3 === 0) enrolled.push('MATH200');
    if (i % 4 === 0) enrolled.push('BIO110');
    if (i % 5 === 0) enrolled.push('CHEM150');
    for (const course of enrolled) rows.push({ ...courses[course], user_primary_id });
  }
  // A student the registrar knows and the library does not: the demo import's rejected row.
  rows.push({ ...courses['CHEM150'], user_primary_id: 's9999999' });
  return rows;
}

/**
 * The demo's courses and enrolments, loaded as an enrolment import of `demo-enrolments.csv` (written to the data
 * folder, the file an upload would have stored) so that its report,
 * History entries and one rejected row show as a real import's would. Idempotent: nothing when courses exist.
 */
export async function seedCoursesDemo(
  services: ServiceContainer,
  institutionId: string,
): Promise<{ enrolments: number }> {
  const prisma = services.get(coreServices.prisma);
  if ((await prisma.course.count({ where: { institutionId } })) > 0) return { enrolments: 0 };
  const rows = demoEnrolmentRows();
  const dir = join(services.get(coreServices.dataDir), 'courses', institutionId, 'demo');
  const filePath = join(dir, 'demo-enrolments.csv');
  const text = enrolmentCsv(rows, { fields: enrolmentFieldNames });
  await mkdir(dir, { recursive: true });
  await writeFile(filePath, text);
  const run = await prisma.courseImport.create({
    data: {
      institutionId,
      fileName: 'demo-enrolments.csv',
      filePath,
      fileSize: BigInt(Buffer.byteLength(text)),
      format: 'csv',
      dryRun: false,
      fullLoad: false,
      status: 'RUNNING',
      startedBy: 'Demo data',
    },
  });
  await loadBatch(
    {
      prisma,
      transactions: services.get(coreServices.transactions),
      extensions: services.get(coreServices.extensions),
      search: services.get(usersServices.search),
      history: services.get(usersServices.history),
      by: { institutionId, actor: 'Enrolment import by Demo data', actorKind: 'job' },
      importId: run.id,
      institutionId,
      dryRun: false,
      fullLoad: false,
      today: '2026-09-01',
      ...courseCache(),
    },
    rows.map((row, seq) => ({ seq, source: { row } })),
  );
  const done = await prisma.courseImport.update({
    where: { id: run.id },
    data: { status: 'SUCCEEDED', total: rows.length, finishedAt: new Date() },
  });
  return { enrolments: done.added };
}
