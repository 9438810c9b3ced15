import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EnrolmentField } from '@ulms/courses/contracts';
import { seededRandom } from './random.js';

/**
 * The enrolment files of the courses scenarios: each user enrolled in `perUser` distinct courses of `courses`, drawn
 * with the seed, one row per enrolment, the rows grouped by user as registrar exports are. Every row repeats its
 * course's fields (name, department, term, dates, status; instructors, staff users, on every fourth course), in the
 * columns of the module's default mapping (named as the fields).
 */
export interface EnrolmentFilePlan {
  /** The enrolled users' primary identifiers, in file order. */
  readonly primaryIds: readonly string[];
  /** Primary identifiers of staff users, the instructors. */
  readonly instructorIds: readonly string[];
  readonly courses: number;
  readonly perUser: number;
  readonly seed: number;
}

const COLUMNS: readonly EnrolmentField[] = [
  'course_code',
  'section',
  'course_name',
  'academic_department',
  'term',
  'start_date',
  'end_date',
  'status',
  'instructors',
  'user_primary_id',
  'enrolled_since',
];
const DEPARTMENTS = [
  ['HIST', 'History'],
  ['BIO', 'Biology'],
  ['MATH', 'Mathematics'],
  ['CHEM', 'Chemistry'],
  ['PHYS', 'Physics'],
  ['ECON', 'Economics'],
  ['LING', 'Linguistics'],
  ['PHIL', 'Philosophy'],
  ['LAW', 'Law'],
  ['MED', 'Medicine'],
] as const;
const TERMS = [
  {
    term: 'AUTUMN2026',
    start: '2026-08-17',
    end: '2026-12-18',
    enrolledSince: (n: number) => `2026-08-${10 + (n % 7)}`,
  },
  {
    term: 'SPRING2027',
    start: '2027-01-11',
    end: '2027-05-14',
    enrolledSince: (n: number) => `2027-01-0${1 + (n % 9)}`,
  },
] as const;
const USERS_PER_CHUNK = 2_000;

/** Course `i`'s cells before the user's: two sections of each course number, a term by number. */
function courseCells(i: number, instructorIds: readonly string[]) {
  const [code, department] = DEPARTMENTS[Math.floor(i / 2) % DEPARTMENTS.length] ?? DEPARTMENTS[0];
  const number = 100 + Math.floor(i / 20);
  const term = TERMS[number % TERMS.length] ?? TERMS[0];
  const instructors =
    i % 4 !== 0 || instructorIds.length === 0
      ? ''
      : [
          instructorIds[i % instructorIds.length],
          ...(i % 20 === 0 ? [instructorIds[(i * 7 + 1) % instructorIds.length]] : []),
        ].join(';');
  return {
    term,
    cells: [
      `${code}${number}`,
      `0${1 + (i % 2)}`,
      `${department} ${number}`,
      department,
      term.term,
      term.start,
      term.end,
      'ACTIVE',
      instructors,
    ].join(','),
  };
}

/** Each user's courses, drawn again the same way for every file of the plan. */
function* enrolments(plan: EnrolmentFilePlan): Generator<{ user: number; course: number }> {
  const random = seededRandom(plan.seed);
  for (let user = 0; user < plan.primaryIds.length; user += 1) {
    const picked = new Set<number>();
    while (picked.size < Math.min(plan.perUser, plan.courses)) picked.add(random.int(0, plan.courses - 1));
    for (const course of picked) yield { user, course };
  }
}

/**
 * Writes the plan's enrolments as a CSV file `dir/name`, streamed; with `dropEvery` every dropEvery-th enrolment
 * (in file order) is left out. The number of rows written.
 */
export async function writeEnrolmentFile(
  dir: string,
  name: string,
  plan: EnrolmentFilePlan,
  dropEvery = 0,
): Promise<{ path: string; rows: number }> {
  const courses = Array.from({ length: plan.courses }, (_, i) => courseCells(i, plan.instructorIds));
  let rows = 0;
  function* chunks() {
    yield `${COLUMNS.join(',')}\n`;
    let lines: string[] = [];
    let index = 0;
    for (const { user, course } of enrolments(plan)) {
      index += 1;
      if (dropEvery > 0 && index % dropEvery === 0) continue;
      const { term, cells } = courses[course] as ReturnType<typeof courseCells>;
      lines.push(`${cells},${plan.primaryIds[user]},${term.enrolledSince(user)}`);
      rows += 1;
      if (lines.length >= USERS_PER_CHUNK * plan.perUser) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length) yield `${lines.join('\n')}\n`;
  }
  const path = join(dir, name);
  await pipeline(Readable.from(chunks()), createWriteStream(path));
  return { path, rows };
}
