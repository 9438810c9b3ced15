import { LETTERS_MODULE, type LetterTemplateText, type LetterType } from '@ulms/letters';
import { startSmtpSink } from '@ulms/letters/testing';
import { createServiceRef, jobServices, tenancyServices, workerServices } from '@ulms/platform';
import type { BenchEnvironment } from '../bench-setup.js';
import { letterRecipients, recipientSurname } from '../load-letter-recipients.js';
import { measure } from '../measure.js';
import { once, round, type ScenarioResult, targetOf } from './scenario-result.js';

const BULK_JOB = `${LETTERS_MODULE}.bulkMessage`;
const OUTBOX_WORKER = `${LETTERS_MODULE}.outbox`;
/** Issue 19's targets. */
const BULK_LIMIT_MS = 10_000;
const DRAIN_LETTERS_PER_SECOND = 200;
const RENDER_P95_MS = 1;

// The module's own services, reached by their ids through the kernel's container, as its router and job reach them:
// the engine the composer renders with, and the letter types as they apply to the institution.
interface TemplateEngine {
  render(
    template: LetterTemplateText,
    data: Readonly<Record<string, unknown>>,
  ): Promise<{ subject: string; html: string; text: string }>;
}
const templateEngineRef = createServiceRef<TemplateEngine>({ id: 'letters.templateEngine' });
const letterTypesRef = createServiceRef<{ get(institutionId: string, letterTypeId: string): Promise<LetterType> }>({
  id: 'letters.types',
});

const SUBJECT = 'Library opening hours over the holidays';
const BODY = `Dear reader,

the library closes at 16:00 on 23 December and stays closed from 24 to 26 December and on 1 January.
Between the holidays the reading rooms are open from 10:00 to 16:00; the self-service machines and the book return
keep working throughout, and loans that fall due while we are closed are extended to 2 January.

Requests placed before 20 December can be picked up until 23 December.
Questions? Write to circulation@bench.example.org or call us at +1 555 0100 during opening hours.

Happy holidays,
your library`;

/**
 * Issue 19's targets for the letters module: bulk messaging of `count` users (10,000; 1,000 with --quick) queues every
 * letter in < 10 s (the `letters.bulkMessage` job started as the router starts it, timed from its start to its
 * success, the outbox rows counted); the outbox drains to a loopback SMTP server at ≥ 200 letters per second (the
 * `letters.outbox` worker run round after round until nothing is left, every letter arriving exactly once); a
 * template renders in < 1 ms (the fee notification, warm, through the module's engine; General mail too).
 */
export async function lettersScenarios(
  env: BenchEnvironment,
  options: { readonly count: number; readonly renders: number; readonly seed: number },
): Promise<ScenarioResult[]> {
  const { count } = options;
  const institutionId = env.institution.id;
  const { sql } = env.database;
  const modules = env.kernel.services.get(tenancyServices.modules);
  const jobs = env.kernel.services.get(jobServices.jobs);
  const workers = env.kernel.services.get(workerServices.workers);
  const results: ScenarioResult[] = [];

  const loadStarted = performance.now();
  const recipients = await letterRecipients(sql, institutionId, count, options.seed);
  const loadNote = recipients.reused
    ? `the ${count} recipients were in the kept database already`
    : `the ${count} recipients loaded in ${round((performance.now() - loadStarted) / 1000)} s`;
  // A kept database keeps the outbox of earlier runs: the bench institution's letters are the bench's own.
  await sql.query(`DELETE FROM "LetterOutbox" WHERE "institutionId" = $1::uuid`, [institutionId]);

  const sink = await startSmtpSink({ parse: false });
  try {
    await modules.enable(institutionId, LETTERS_MODULE, {
      fromAddress: 'library@bench.example.org',
      smtp: { host: '127.0.0.1', port: sink.port, maxConnections: 5 },
    });

    // 1. Bulk messaging: the job the router starts (a staff member allowed to message restricted users).
    const search = { query: recipientSurname(count), searchBy: 'name' as const };
    const started = performance.now();
    const job = await jobs.start(
      institutionId,
      BULK_JOB,
      { search, subject: SUBJECT, body: BODY, skipRestricted: false },
      'bench',
    );
    await jobs.waitFor(job.id);
    const bulkMs = performance.now() - started;
    const done = await jobs.get(institutionId, job.id);
    const report = done.report as { matched?: number; queued?: number; noEmail?: number } | null;
    const [queued] = await sql.query<{ queued: number; held: number }>(
      `SELECT count(*) FILTER (WHERE status = 'QUEUED')::int AS queued, count(*) FILTER (WHERE status = 'HELD')::int AS held
       FROM "LetterOutbox" WHERE "institutionId" = $1::uuid AND "jobId" = $2::uuid`,
      [institutionId, job.id],
    );
    if (done.status !== 'SUCCEEDED' || report?.queued !== count || queued?.queued !== count)
      throw new Error(
        `letters: the bulk job ${done.status} (${done.error ?? ''}), report ${JSON.stringify(report)}, ` +
          `outbox ${JSON.stringify(queued)} for ${count} users`,
      );
    const jobMs = done.startedAt && done.finishedAt ? done.finishedAt.getTime() - done.startedAt.getTime() : Number.NaN;
    results.push({
      name: `letters: bulk message ${count} users, queued (job ${BULK_JOB})`,
      product: once(bulkMs, count),
      target: targetOf('worst', BULK_LIMIT_MS, bulkMs),
      notes:
        `${round(bulkMs / 1000)} s from start to SUCCEEDED (the job's own run ${round(jobMs / 1000)} s), ` +
        `${report.matched} matched, ${queued.queued} outbox rows queued, ${report.noEmail ?? 0} without an email; ${loadNote}`,
    });

    // 2. The outbox drained to the loopback SMTP server, round after round (100 letters each, 5 connections).
    let rounds = 0;
    const drainStarted = performance.now();
    do rounds += 1;
    while (await workers.runOnce(OUTBOX_WORKER));
    const drainMs = performance.now() - drainStarted;
    const [outbox] = await sql.query<{ sent: number; failed: number; left: number }>(
      `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
         count(*) FILTER (WHERE status NOT IN ('SENT', 'FAILED'))::int AS left
       FROM "LetterOutbox" WHERE "institutionId" = $1::uuid`,
      [institutionId],
    );
    const recipientsReached = new Set(sink.arrived.flatMap((m) => m.to)).size;
    if (
      outbox?.sent !== count ||
      outbox.failed !== 0 ||
      outbox.left !== 0 ||
      sink.arrived.length !== count ||
      recipientsReached !== count
    )
      throw new Error(
        `letters: the outbox ${JSON.stringify(outbox)}, ${sink.arrived.length} messages arrived for ` +
          `${recipientsReached} recipients, ${count} expected once each`,
      );
    const perSecond = (count / drainMs) * 1000;
    results.push({
      name: `letters: outbox of ${count} drained to a loopback SMTP server (worker ${OUTBOX_WORKER})`,
      product: once(drainMs, count),
      // ≥ 200 letters per second: the whole outbox within count / 200 seconds.
      target: targetOf('worst', (count / DRAIN_LETTERS_PER_SECOND) * 1000, drainMs),
      notes:
        `${Math.round(perSecond)} letters/s (target ≥ ${DRAIN_LETTERS_PER_SECOND}, ratio ${round(DRAIN_LETTERS_PER_SECOND / perSecond, 2)}) ` +
        `in ${rounds} worker rounds; ${sink.arrived.length} messages arrived, one for each of ${recipientsReached} ` +
        `recipients; outbox ${outbox.sent} SENT, ${outbox.failed} FAILED`,
    });

    // 3. Rendering one letter, warm, through the module's engine: the fee notification with each sampled
    // recipient's data as the composer builds it, and General mail with this run's message.
    const engine = env.kernel.services.get(templateEngineRef);
    const types = env.kernel.services.get(letterTypesRef);
    const renderInputs = await sql.query<{
      id: string;
      primaryId: string;
      firstName: string;
      lastName: string;
      userGroup: string;
      expiryDate: string;
      email: string;
    }>(
      `SELECT u.id, u."primaryId", coalesce(u."prefFirstName", u."firstName") AS "firstName", u."lastName",
         u."userGroup", u."expiryDate"::text AS "expiryDate", e."emailAddress" AS email
       FROM "User" u JOIN "UserEmail" e ON e."userId" = u.id AND e.preferred
       WHERE u.id = ANY($1::uuid[])`,
      [recipients.ids.slice(0, options.renders)],
    );
    const today = new Date().toISOString().slice(0, 10);
    const dataOf = (u: (typeof renderInputs)[number], i: number, letter: Record<string, unknown>) => ({
      user: {
        id: u.id,
        primaryId: u.primaryId,
        title: null,
        firstName: u.firstName,
        lastName: u.lastName,
        fullName: `${u.firstName} ${u.lastName}`,
        email: u.email,
        userGroup: u.userGroup,
        expiryDate: u.expiryDate,
        language: null,
      },
      institution: { code: env.institution.code, name: env.institution.name },
      today,
      letter: { ...letter, index: i },
    });
    for (const [letterTypeId, letterOf] of [
      [
        'letters.feeNotification',
        (i: number) => ({
          amount: (5 + (i % 40)).toFixed(2),
          balance: (12.5 + (i % 97) * 1.25).toFixed(2),
          currency: 'USD',
        }),
      ],
      ['letters.generalMail', () => ({ subject: SUBJECT, body: BODY })],
    ] as const) {
      const template = (await types.get(institutionId, letterTypeId)).templates['en'];
      if (!template) throw new Error(`letters: ${letterTypeId} has no English wording`);
      const inputs = renderInputs.map((u, i) => dataOf(u, i, letterOf(i)));
      const rendered = await engine.render(template, inputs[0] ?? {});
      if (!rendered.html.includes(letterTypeId === 'letters.feeNotification' ? 'Dear ' : 'Dear reader'))
        throw new Error(`letters: ${letterTypeId} rendered without its greeting: ${rendered.html}`);
      const timing = await measure(inputs, (data) => engine.render(template, data), { warmUp: 200 });
      results.push({
        name: `letters: render one ${letterTypeId === 'letters.feeNotification' ? 'fee notification' : 'General mail'} (template engine, warm)`,
        product: timing,
        target: targetOf('p95', RENDER_P95_MS, timing.p95Ms),
        notes: `subject, HTML and plain text of ${inputs.length} different recipients; ${rendered.html.length} characters of HTML`,
      });
    }
  } finally {
    // The transports' SMTP connections close with the workers; the letters module goes off again (it sends nothing
    // elsewhere in the bench, and a kept database is left as the other groups expect it).
    await workers.stop();
    await modules.disable(institutionId, LETTERS_MODULE);
    await sink.close();
  }
  return results;
}
