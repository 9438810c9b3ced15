import { coreServices, jobServices, workerServices } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the modules it builds on themselves (the catalogue lists this module).
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
// eslint-disable-next-line no-restricted-imports
import { finesPlugin } from '@ulms/fines';
// eslint-disable-next-line no-restricted-imports
import { proxiesPlugin } from '@ulms/proxies';
import { userDtoToFields, usersPermissions } from '@ulms/users/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LETTERS_MODULE, lettersPermissions } from '../contracts/letters-module.js';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink.js';
import { lettersExtensionPoints } from '../contracts/letter-type.js';
import { lettersSettingsRef } from './letters-config.ref.js';
import { lettersPlugin } from './letters.plugin.js';
import { createOutboxWorker } from './outbox.worker.js';
import { createSecretBox, loadSecretKey } from './secret-box.js';

type Api = TestApi<readonly [typeof usersPlugin, typeof finesPlugin, typeof proxiesPlugin, typeof lettersPlugin]>;
type Caller = Api['caller'];

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const MODULES = ['users', 'fines', 'proxies', LETTERS_MODULE];
let api: Api;
let sink: SmtpSink;
let users = 0;

const lettersConfig = (more: Record<string, unknown> = {}) => ({
  fromAddress: 'circulation@library.example.org',
  smtp: { host: '127.0.0.1', port: sink.port, maxConnections: 2 },
  retryDelaySeconds: 1,
  maxAttempts: 3,
  socialSignInUrl: 'https://library.example.org/social',
  ...more,
});

async function newUser(caller: Caller = api.caller, more: Record<string, unknown> = {}): Promise<string> {
  users += 1;
  const saved = await caller.users.create({
    recordType: 'PUBLIC',
    primaryId: `letters-${users}`,
    firstName: 'Lena',
    lastName: `Letters ${users}`,
    userGroup: 'PATRONS',
    emails: [{ emailAddress: `lena${users}@example.org`, emailTypes: ['personal'], preferred: true }],
    ...more,
  });
  if (saved.status !== 'saved') throw new Error('the user was not saved');
  return saved.user.id;
}

const drain = () => api.kernel.services.get(workerServices.workers).runOnce('letters.outbox');
const mailTo = (address: string) => sink.arrived.filter((m) => m.to.includes(address));
const textOf = (address: string) => mailTo(address).map((m) => m.mail?.text ?? '');
const outbox = (caller: Caller = api.caller) => caller.letters.outbox.list({ limit: 100 });

beforeAll(async () => {
  sink = await startSmtpSink();
  api = (await startTestApi({
    plugins: [usersPlugin, finesPlugin, proxiesPlugin, lettersPlugin],
    institution: { modules: MODULES },
  })) as unknown as Api;
  await api.caller.platform.modules.configure({ moduleId: LETTERS_MODULE, config: lettersConfig() });
  await api.caller.platform.modules.configure({
    moduleId: 'fines',
    config: {
      feeTypes: [
        { code: 'DAMAGE', description: 'Damaged item', manualCreation: true, libraryOwner: false, vatRate: null },
      ],
    },
  });
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });
});
afterAll(async () => {
  await api.close();
  await sink.close();
});
beforeEach(() => {
  sink.refuseNext(0);
});

describe(`letters (${database})`, () => {
  it('sends a General mail from the configured address to the preferred email, HTML with a plain-text alternative', async () => {
    const id = await newUser();
    const entry = await api.caller.letters.send.generalMail({
      userId: id,
      subject: 'Your card',
      body: 'Dear reader,\nit is <ready>.',
    });
    expect(entry).toMatchObject({
      status: 'QUEUED',
      toAddress: `lena${users}@example.org`,
      letterTypeName: 'General mail',
    });
    await drain();
    const [mail] = mailTo(`lena${users}@example.org`);
    expect(mail?.from).toBe('circulation@library.example.org');
    expect(mail?.mail?.subject).toBe('Your card');
    expect(mail?.mail?.html).toContain('Dear reader,<br />\nit is &lt;ready&gt;.');
    expect(mail?.mail?.text).toContain('it is <ready>.');
    expect(mail?.mail?.messageId).toBe(`<${entry.id}@library.example.org>`);
    const log = await api.caller.letters.log.list({ userId: id });
    expect(log.entries).toMatchObject([{ id: entry.id, status: 'SENT', attempts: 1 }]);
  });

  it('writes in the recipient’s language, then the institution’s default, then English', async () => {
    const french = await newUser(api.caller, { preferredLanguage: 'fr' });
    const german = await newUser(api.caller, { preferredLanguage: 'de' });
    const frenchAddress = `lena${users - 1}@example.org`;
    const germanAddress = `lena${users}@example.org`;
    await api.caller.letters.send.personalInformation({ userId: french });
    await api.caller.letters.send.personalInformation({ userId: german });
    await drain();
    expect(mailTo(frenchAddress)[0]?.mail?.subject).toMatch(/^Les données personnelles/);
    // No German wording: the institution's default language (English here) is used.
    expect(mailTo(germanAddress)[0]?.mail?.subject).toMatch(/^The personal information/);
    // An institution's own German wording is used once there is one.
    await api.caller.letters.templates.save({
      letterTypeId: 'letters.personalInformation',
      language: 'de',
      subject: 'Ihre Daten bei {{ institution.name }}',
      html: '<p>Hallo {{ user.firstName }}</p>',
      expectedVersion: null,
    });
    await api.caller.letters.send.personalInformation({ userId: german });
    await drain();
    const second = mailTo(germanAddress)[1]?.mail;
    expect(second?.subject).toBe(`Ihre Daten bei ${api.institution.name}`);
    expect(second?.text).toBe('Hallo Lena');
  });

  it('attaches the whole record as XML and the user’s attachments to the Personal Information letter', async () => {
    const id = await newUser();
    await api.caller.users.attachments.add({
      userId: id,
      fileName: 'card.txt',
      contentBase64: Buffer.from('card scan').toString('base64'),
    });
    await api.caller.letters.send.personalInformation({ userId: id });
    await drain();
    const mail = mailTo(`lena${users}@example.org`)[0]?.mail;
    const files = mail?.attachments.map((a) => a.filename);
    expect(files).toEqual(['user.xml', 'card.txt']);
    const xml = mail?.attachments[0]?.content.toString('utf8') ?? '';
    expect(xml).toContain(`<primary_id>letters-${users}</primary_id>`);
    expect(xml).toContain('<file_name>card.txt</file_name>');
    expect(mail?.attachments[1]?.content.toString('utf8')).toBe('card scan');
  });

  it('sends a generated PIN only in the PIN letter: staff are not shown it and the outbox keeps it masked', async () => {
    await api.caller.platform.modules.configure({ moduleId: 'users', config: { pinNumberMethod: 'fourDigit' } });
    const id = await newUser();
    const user = await api.caller.users.get({ id });
    const saved = await api.caller.users.update({
      ...userDtoToFields(user),
      id,
      version: user.version,
      generatePin: true,
    });
    expect(saved).toMatchObject({ status: 'saved', pinSent: true });
    expect(saved).not.toHaveProperty('generatedPin');
    const [entry] = (await api.caller.letters.log.list({ userId: id })).entries;
    const stored = await api.caller.letters.outbox.get({ id: entry?.id ?? '' });
    expect(stored.html).toContain('<strong>••••</strong>');
    expect(stored.html).not.toMatch(/\d{4}<\/strong>/);
    await drain();
    const text = textOf(`lena${users}@example.org`)[0] ?? '';
    const pin = /PIN for the self-check machines is (\d{4})/.exec(text)?.[1];
    expect(pin).toMatch(/^\d{4}$/);
    // Once sent, the clear letter is gone from the database: only the masked copy is left.
    const row = await api.kernel.services
      .get(coreServices.prisma)
      .letterOutbox.findUniqueOrThrow({ where: { id: entry?.id ?? '' } });
    expect(row.sealed).toBeNull();
    expect(JSON.stringify(row)).not.toContain(`${pin}<`);
  });

  it('retries after an SMTP failure: nothing lost, nothing sent twice; a refused address fails for good', async () => {
    const ids = [await newUser(), await newUser(), await newUser()];
    const addresses = ids.map((_, i) => `lena${users - 2 + i}@example.org`);
    for (const userId of ids)
      await api.caller.letters.send.generalMail({ userId, subject: 'Retry', body: 'Once only' });
    sink.refuseNext(2, 451);
    await drain();
    const afterFirst = (await outbox()).entries.filter((e) => e.subject === 'Retry');
    expect(afterFirst.filter((e) => e.status === 'QUEUED')).toHaveLength(2);
    expect(afterFirst.find((e) => e.status === 'QUEUED')?.lastError).toMatch(/451/);
    await vi.waitFor(
      async () => {
        await drain();
        expect((await outbox()).entries.filter((e) => e.subject === 'Retry' && e.status === 'SENT')).toHaveLength(3);
      },
      { timeout: 10_000, interval: 300 },
    );
    await drain();
    for (const address of addresses) expect(mailTo(address)).toHaveLength(1);

    const refused = await newUser();
    await api.caller.letters.send.generalMail({ userId: refused, subject: 'Refused', body: 'No such mailbox' });
    sink.refuseNext(1, 550);
    await drain();
    const [failed] = (await api.caller.letters.log.list({ userId: refused })).entries;
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed?.lastError).toMatch(/550/);
    // Staff may send it again; it then goes.
    await api.caller.letters.outbox.retry({ id: failed?.id ?? '' });
    await drain();
    expect(mailTo(`lena${users}@example.org`)).toHaveLength(1);
  });

  it('sends each letter once when two processes drain at the same time, and takes over letters a stopped process held', async () => {
    const ids = [await newUser(), await newUser(), await newUser(), await newUser()];
    const first = users - 3;
    for (const userId of ids)
      await api.caller.letters.send.generalMail({ userId, subject: 'Concurrent', body: 'Once' });
    const services = api.kernel.services;
    const otherProcess = createOutboxWorker({
      prisma: services.get(coreServices.prisma),
      config: services.get(lettersSettingsRef),
      extensions: services.get(coreServices.extensions),
      secrets: createSecretBox(() => loadSecretKey(services.get(coreServices.dataDir))),
      transports: services.extensions(lettersExtensionPoints.transports),
    });
    await Promise.all([drain(), otherProcess.run({ services, signal: new AbortController().signal }), drain()]);
    for (let i = 0; i < 4; i++) expect(mailTo(`lena${first + i}@example.org`)).toHaveLength(1);

    // A process that stopped while sending left its letter SENDING under a lease that has run out.
    const stranded = await newUser();
    const entry = await api.caller.letters.send.generalMail({
      userId: stranded,
      subject: 'Stranded',
      body: 'Taken over',
    });
    const prisma = services.get(coreServices.prisma);
    await prisma.letterOutbox.update({
      where: { id: entry.id },
      data: {
        status: 'SENDING',
        leaseOwner: 'a stopped process',
        leaseExpiresAt: new Date(Date.now() + 60_000),
        attempts: 1,
      },
    });
    await drain();
    expect(mailTo(`lena${users}@example.org`)).toHaveLength(0);
    await prisma.letterOutbox.update({
      where: { id: entry.id },
      data: { leaseExpiresAt: new Date(Date.now() - 1000) },
    });
    await drain();
    expect(mailTo(`lena${users}@example.org`)).toHaveLength(1);
    expect(await api.caller.letters.outbox.get({ id: entry.id })).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('honours opt-outs for the letters that allow them: fee notifications, not a General mail', async () => {
    const id = await newUser();
    const address = `lena${users}@example.org`;
    await api.caller.fines.add({ userId: id, type: 'DAMAGE', amount: '12.50' });
    await vi.waitFor(async () => expect((await api.caller.letters.log.list({ userId: id })).entries).toHaveLength(1));
    await drain();
    expect(mailTo(address)[0]?.mail?.subject).toMatch(/A fee of 12\.50 .* was added/);
    expect(mailTo(address)[0]?.mail?.text).toMatch(/You now owe 12\.50/);

    const optOuts = await api.caller.letters.optOuts.set({
      userId: id,
      letterTypeId: 'letters.feeNotification',
      optedOut: true,
    });
    expect(optOuts.find((o) => o.letterTypeId === 'letters.feeNotification')?.optedOut).toBe(true);
    await api.caller.fines.add({ userId: id, type: 'DAMAGE', amount: '3.00' });
    await api.caller.letters.send.generalMail({
      userId: id,
      subject: 'Still sent',
      body: 'Staff letters are not opted out of',
    });
    await drain();
    expect(mailTo(address).map((m) => m.mail?.subject)).toEqual([expect.stringMatching(/12\.50/), 'Still sent']);
    await expect(
      api.caller.letters.optOuts.set({ userId: id, letterTypeId: 'letters.generalMail', optedOut: true }),
    ).rejects.toThrow('letterTypeId: the General mail cannot be opted out of');
  });

  it('tells the proxy and the sponsor when a proxy relation is made', async () => {
    const [proxy, patron] = [await newUser(), await newUser()];
    await api.caller.proxies.add({ proxyUserId: proxy, patronUserId: patron });
    await vi.waitFor(async () =>
      expect((await api.caller.letters.log.list({ userId: patron })).entries).toHaveLength(1),
    );
    await drain();
    expect(mailTo(`lena${users - 1}@example.org`)[0]?.mail?.subject).toBe(`You may now act for Letters ${users}, Lena`);
    expect(mailTo(`lena${users}@example.org`)[0]?.mail?.subject).toBe(`Letters ${users - 1}, Lena may now act for you`);

    // A fulfillment proxy made with their record: both hear of it, once the new user is saved.
    const sponsor = await newUser();
    const created = await api.caller.proxies.createFulfillmentProxy({
      sponsorUserId: sponsor,
      user: {
        recordType: 'PUBLIC',
        primaryId: `letters-fulfillment-${users}`,
        firstName: 'Finn',
        lastName: 'Fulfillment',
        userGroup: 'PATRONS',
        emails: [{ emailAddress: `finn${users}@example.org`, emailTypes: ['personal'], preferred: true }],
      },
    });
    expect(created.status).toBe('saved');
    await drain();
    expect(mailTo(`finn${users}@example.org`)[0]?.mail?.text).toMatch(
      /for Letters \d+, Lena, on the sponsor’s account\./,
    );
    expect(mailTo(`lena${users}@example.org`)[0]?.mail?.subject).toBe('Fulfillment, Finn may now act for you');
  });

  it('sends the User Deletion letter for a balance due and keeps a copy in the user’s attachments', async () => {
    const id = await newUser();
    await expect(api.caller.letters.send.userDeletion({ userId: id })).rejects.toThrow(/owes nothing/);
    await api.caller.letters.optOuts.set({ userId: id, letterTypeId: 'letters.feeNotification', optedOut: true });
    await api.caller.fines.add({ userId: id, type: 'DAMAGE', amount: '25.50' });
    await api.caller.letters.send.userDeletion({ userId: id });
    await drain();
    expect(textOf(`lena${users}@example.org`)[0]).toMatch(/a balance of 25\.50 .* is still due/);
    const attachments = await api.caller.users.attachments.list({ userId: id });
    expect(attachments.map((a) => a.fileName)).toEqual([
      expect.stringMatching(/^user-deletion-letter-\d{4}-\d{2}-\d{2}\.txt$/),
    ]);
  });

  it('invites a user to social sign-in, and sends staff letters from the staff member where the institution says so', async () => {
    const id = await newUser();
    await api.caller.letters.send.socialLoginInvitation({ userId: id });
    const staff = await newUser();
    const staffAddress = `lena${users}@example.org`;
    await api.caller.platform.modules.configure({
      moduleId: LETTERS_MODULE,
      config: lettersConfig({ disableFromAddress: true }),
    });
    const asStaff = api.callerFor({ id: staff, permissions: new Set([lettersPermissions.letterSend]) });
    await asStaff.letters.send.generalMail({ userId: id, subject: 'From me', body: 'Personally' });
    // Letters the system sends keep the institution's address.
    await asStaff.letters.send.socialLoginInvitation({ userId: id });
    await api.caller.platform.modules.configure({
      moduleId: LETTERS_MODULE,
      config: lettersConfig({ socialSignInUrl: undefined }),
    });
    await expect(api.caller.letters.send.socialLoginInvitation({ userId: id })).rejects.toThrow(/socialSignInUrl/);
    await api.caller.platform.modules.configure({ moduleId: LETTERS_MODULE, config: lettersConfig() });
    await drain();
    const mails = mailTo(`lena${users - 1}@example.org`);
    expect(mails.map((m) => [m.mail?.subject, m.from]).sort()).toEqual(
      [
        ['From me', staffAddress],
        [`Sign in to ${api.institution.name} with your own account`, 'circulation@library.example.org'],
        [`Sign in to ${api.institution.name} with your own account`, 'circulation@library.example.org'],
      ].sort(),
    );
    const invitation = mails.find((m) => m.mail?.subject?.startsWith('Sign in'));
    expect(invitation?.mail?.html).toContain('href="https://library.example.org/social"');
  });

  it('keeps staff without the permission from emailing users restricted for editing', async () => {
    await api.caller.platform.modules.configure({
      moduleId: 'users',
      config: { restrictedRoles: ['USER_ADMINISTRATOR'] },
    });
    const restricted = await newUser();
    await api.caller.users.roles.add({ userId: restricted, role: 'USER_ADMINISTRATOR' }).catch(() => undefined);
    const roles = (await api.caller.users.get({ id: restricted })).roles.map((r) => r.role);
    expect(roles).toContain('USER_ADMINISTRATOR');
    const desk = api.callerFor({
      permissions: new Set([
        lettersPermissions.letterSend,
        lettersPermissions.personalInfoSend,
        usersPermissions.userRead,
      ]),
    });
    await expect(desk.letters.send.generalMail({ userId: restricted, subject: 'Hi', body: 'Hello' })).rejects.toThrow(
      /restricted for editing; emailing them needs the permission users\.restricted-user\.edit/,
    );
    const allowed = api.callerFor({
      permissions: new Set([lettersPermissions.letterSend, usersPermissions.restrictedUserEdit]),
    });
    await expect(
      allowed.letters.send.generalMail({ userId: restricted, subject: 'Hi', body: 'Hello' }),
    ).resolves.toMatchObject({ status: 'QUEUED' });
    await api.caller.platform.modules.configure({
      moduleId: 'users',
      config: { restrictedRoles: [], pinNumberMethod: 'fourDigit' },
    });
  });

  it('reports a template error when the wording is saved, by field, and previews it on a user', async () => {
    const save = (html: string, subject = 'Fee') =>
      api.caller.letters.templates.save({
        letterTypeId: 'letters.feeNotification',
        language: 'en',
        subject,
        html,
        expectedVersion: null,
      });
    await expect(save('<p>{% if letter.amount %}unclosed</p>')).rejects.toThrow(
      /html: tag \{% if letter\.amount %\} not closed/,
    );
    await expect(save('<p>{{ letter.amount | no_such_filter }}</p>')).rejects.toThrow(
      /html: undefined filter: no_such_filter/,
    );
    await expect(save('<p>{% include "/etc/passwd" %}</p>')).rejects.toThrow(/html: .*cannot include files|html: .*/);
    await expect(save('<p>ok</p>', '{{ ')).rejects.toThrow(/subject: /);
    const id = await newUser();
    const preview = await api.caller.letters.templates.preview({
      letterTypeId: 'letters.feeNotification',
      language: 'en',
      subject: 'Hello {{ user.firstName }}',
      html: '<p>{{ letter.amount }} for {{ user.fullName }}</p>',
      userId: id,
    });
    expect(preview).toEqual({
      subject: 'Hello Lena',
      html: `<p>12.00 for Letters ${users}, Lena</p>`,
      text: `12.00 for Letters ${users}, Lena`,
    });
    const saved = await save('<p>New wording {{ letter.amount }}</p>');
    expect(saved).toMatchObject({ version: 0, updatedBy: 'Test caller' });
    await expect(save('<p>Over it</p>')).rejects.toThrow(/changed meanwhile/);
    const reset = await api.caller.letters.templates.reset({ letterTypeId: 'letters.feeNotification', language: 'en' });
    expect(reset.version).toBeNull();
    await expect(
      api.caller.letters.templates.save({
        letterTypeId: 'letters.generalMail',
        language: 'en',
        subject: 'x',
        html: 'x',
        expectedVersion: null,
      }),
    ).rejects.toThrow(/letterTypeId: the General mail is written each time/);
  });

  it('keeps letters in the outbox, readable and sent nowhere, when no transport is configured', async () => {
    const other = await api.createInstitution({ modules: MODULES });
    const there = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
    await there.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });
    const id = await newUser(there);
    await there.letters.send.generalMail({ userId: id, subject: 'Held', body: 'Nowhere to go' });
    await drain();
    expect(mailTo(`lena${users}@example.org`)).toEqual([]);
    const [held] = (await outbox(there)).entries;
    expect(held).toMatchObject({ status: 'HELD', subject: 'Held' });
    expect((await there.letters.outbox.get({ id: held?.id ?? '' })).text).toBe('Nowhere to go');
    // Another institution's letters are invisible: its outbox, one letter, a user's log.
    expect((await outbox(there)).entries.map((e) => e.subject)).toEqual(['Held']);
    await expect(api.caller.letters.outbox.get({ id: held?.id ?? '' })).rejects.toThrow(/letter.*not found/i);
    await expect(api.caller.letters.log.list({ userId: id })).rejects.toThrow(/not found/i);
  });

  it('messages every user a search selects as a job with a report', async () => {
    await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'BULK', description: 'Bulk' });
    for (let i = 0; i < 3; i++) await newUser(api.caller, { userGroup: 'BULK', lastName: `Bulkmail ${i}` });
    await newUser(api.caller, { userGroup: 'BULK', lastName: 'Bulkmail none', emails: [] });
    const job = await api.caller.letters.bulk.start({
      search: { query: 'Bulkmail', searchBy: 'name' },
      subject: 'To all',
      body: 'Hello all',
    });
    await api.kernel.services.get(jobServices.jobs).waitFor(job.id);
    const done = await api.caller.platform.jobs.get({ id: job.id });
    expect(done).toMatchObject({ status: 'SUCCEEDED', report: { matched: 4, queued: 3, noEmail: 1, restricted: 0 } });
    await drain();
    expect(sink.arrived.filter((m) => m.mail?.subject === 'To all')).toHaveLength(3);
  });

  it('removes a deleted user’s letters and opt-outs', async () => {
    const id = await newUser();
    await api.caller.letters.send.generalMail({ userId: id, subject: 'Bye', body: 'Bye' });
    await api.caller.letters.optOuts.set({ userId: id, letterTypeId: 'letters.proxyNotification', optedOut: true });
    await api.caller.users.delete({ id });
    const prisma = api.kernel.services.get(coreServices.prisma);
    await vi.waitFor(async () => expect(await prisma.letterOutbox.count({ where: { userId: id } })).toBe(0));
    expect(await prisma.letterOptOut.count({ where: { userId: id } })).toBe(0);
  });
});
