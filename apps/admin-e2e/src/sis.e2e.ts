import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DESK } from '@ulms/server/demo-seed';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';
import { submitSignIn } from './support/sign-in.js';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

interface XmlUser {
  readonly primaryId: string;
  readonly first: string;
  readonly last: string;
  readonly group: string;
}

/** A SIS XML file (the reference's `<users>` format) of `users`, external and active. */
const sisXml = (users: readonly XmlUser[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<users total_record_count="${users.length}">\n${users
    .map(
      (u) =>
        `<user><record_type>PUBLIC</record_type><account_type>EXTERNAL</account_type><primary_id>${u.primaryId}</primary_id>` +
        `<first_name>${u.first}</first_name><last_name>${u.last}</last_name><user_group>${u.group}</user_group>` +
        `<expiry_date>2030-06-30</expiry_date><status>ACTIVE</status></user>\n`,
    )
    .join('')}</users>\n`;

const ada: XmlUser = { primaryId: 'e2e-sis-ada', first: 'Ada', last: 'Sisworth', group: 'UNDERGRAD' };
const bob: XmlUser = { primaryId: 'e2e-sis-bob', first: 'Bob', last: 'Sisworth', group: 'GRAD' };
const bad: XmlUser = { primaryId: 'e2e-sis-bad', first: 'Bad', last: 'Sisworth', group: 'NO_SUCH_GROUP' };

// SIS synchronisation on the demo: DEMO enables the module with the profile SIS (SIS XML, synchronize) and
// REGISTRAR_CSV. Runs here are never full loads, so the demo's other external users stay as they are.
describe('SIS synchronisation', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const { dismissToasts, heading, mainNav, toast } = pageParts(() => page);

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
    dir = await mkdtemp(join(tmpdir(), 'ulms-sis-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const screenshots = async (name: string) => {
    await screenshot(page, name);
    await page.setViewportSize(phone);
    await screenshot(page, `${name}-390`);
    await page.setViewportSize(desktop);
  };

  describe('integration profiles', () => {
    const form = () => page.getByRole('form', { name: 'Integration profile' });
    const profiles = () => page.getByRole('table', { name: 'SIS integration profiles' });

    it('lists the demo profiles', async () => {
      await mainNav().getByRole('link', { name: 'SIS integration profiles' }).click();
      await heading('SIS integration profiles').waitFor();
      await profiles().getByRole('row').filter({ hasText: 'Registrar (SIS XML)' }).waitFor();
      await profiles().getByRole('row').filter({ hasText: 'REGISTRAR_CSV' }).getByText('Synchronize').waitFor();
      await screenshots('sis-profiles');
    });

    it('creates a CSV profile with the mapping editor, which refuses an unknown target as it is typed', async () => {
      await page.getByRole('link', { name: 'Add profile' }).click();
      await heading('New SIS integration profile').waitFor();
      await form().getByLabel(/^Code/).fill('E2E_CSV');
      await form().getByLabel(/^Name/).fill('E2E registrar export');
      await form()
        .getByLabel(/^Format/)
        .selectOption('sis.csv');
      await form().getByLabel('Default user group').selectOption('UNDERGRAD');
      await form().getByRole('group', { name: 'CSV column mapping' }).waitFor();
      for (const [column, field] of [
        ['id', 'primary_id'],
        ['given', 'first_name'],
        ['surname', 'full_name'],
        ['mail', 'email.personal'],
      ]) {
        await form().getByRole('button', { name: 'Add column' }).click();
        const n = await form()
          .getByRole('textbox', { name: /^CSV column \d+$/ })
          .count();
        await form()
          .getByRole('textbox', { name: `CSV column ${n}` })
          .fill(column);
        await form()
          .getByRole('combobox', { name: `User field ${n}` })
          .fill(field);
      }
      const third = form().getByRole('combobox', { name: 'User field 3' });
      await form().getByText('"full_name" is not a field: use primary_id, user_group').waitFor();
      expect(await third.getAttribute('aria-invalid')).toBe('true');
      await screenshots('sis-profile-mapping-error');

      // A save with the bad target stays on the form.
      await form().getByRole('button', { name: 'Save profile' }).click();
      await form()
        .getByRole('alert')
        .getByText(/CSV mapping row 3, user field/)
        .waitFor();

      await third.fill('last_name');
      expect(await form().getByText('is not a field').count()).toBe(0);
      // The last row moves up: the order is the file's.
      await form().getByRole('button', { name: 'Move row 4 up' }).click();
      expect(await form().getByRole('textbox', { name: 'CSV column 3' }).inputValue()).toBe('mail');
      // The server's own rules: its error shows under the field it names.
      const expiry = form().getByLabel('Expiry after (days)');
      await expiry.fill('0');
      await form().getByRole('button', { name: 'Save profile' }).click();
      await form()
        .locator('.ui-field')
        .filter({ has: page.locator('label', { hasText: 'Expiry after (days)' }) })
        .locator('.ui-field__error')
        .waitFor();
      expect(await expiry.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'sis-profile-server-error');
      await expiry.fill('');
      await form().getByRole('button', { name: 'Save profile' }).click();
      await toast('Profile E2E_CSV saved.').waitFor();
      await heading('SIS integration profiles').waitFor();
      await dismissToasts();

      await page.reload();
      const row = profiles().getByRole('row').filter({ hasText: 'E2E_CSV' });
      await row.getByText('E2E registrar export').waitFor();
      await row.getByRole('link', { name: 'Edit E2E_CSV' }).click();
      await heading('SIS integration profile').waitFor();
      expect(await form().getByRole('combobox', { name: 'User field 4' }).inputValue()).toBe('last_name');
      expect(await form().getByLabel(/^Code/).inputValue()).toBe('E2E_CSV');
      await screenshots('sis-profile-form');
    });

    it('asks before leaving the profile with unsaved changes, then removes it', async () => {
      await form().getByLabel(/^Name/).fill('E2E registrar export, changed');
      await mainNav().getByRole('link', { name: 'SIS runs' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.waitFor();
      await leave.getByRole('button', { name: 'Stay' }).click();
      await leave.waitFor({ state: 'detached' });
      expect(await form().getByLabel(/^Name/).inputValue()).toBe('E2E registrar export, changed');

      await form().getByLabel(/^Name/).fill('E2E registrar export');
      await form().getByRole('button', { name: 'Remove profile' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove the profile E2E_CSV?' });
      await confirm.getByRole('button', { name: 'Remove profile' }).click();
      await toast('Profile E2E_CSV removed.').waitFor();
      await heading('SIS integration profiles').waitFor();
      await profiles().getByRole('row').filter({ hasText: 'REGISTRAR_CSV' }).waitFor();
      expect(await profiles().getByRole('row').filter({ hasText: 'E2E_CSV' }).count()).toBe(0);
      await dismissToasts();
    });
  });

  describe('runs', () => {
    const facts = () => page.locator('.sis-facts');
    const count = async (label: string) =>
      (await page
        .getByLabel('Counts')
        .locator('div')
        .filter({ hasText: new RegExp(`^${label}`) })
        .locator('dd')
        .textContent()) ?? '';
    const records = () => page.getByRole('list', { name: 'Records' });
    const entry = (primaryId: string) => records().getByRole('listitem').filter({ hasText: primaryId }).first();

    /** Uploads `file` under the SIS profile as a dry run and waits for the run's page. */
    const dryRun = async (name: string, users: readonly XmlUser[]) => {
      const path = join(dir, name);
      await writeFile(path, sisXml(users));
      await mainNav().getByRole('link', { name: 'SIS runs' }).click();
      await heading('SIS runs').waitFor();
      await page.getByRole('button', { name: 'Upload file' }).click();
      const dialog = page.getByRole('dialog', { name: 'Upload a SIS file' });
      await dialog.getByLabel(/^Integration profile/).selectOption({ label: 'SIS: Registrar (SIS XML)' });
      await dialog.getByLabel(/^File/).setInputFiles(path);
      expect(await dialog.getByRole('checkbox', { name: 'Dry run' }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: 'Full load' }).isChecked()).toBe(false);
      return dialog;
    };
    const succeeded = () => facts().getByText('Succeeded').waitFor({ timeout: 30_000 });

    it('dry-runs an XML file: live progress to Succeeded, the counts, the rejected reason and the rejects CSV', async () => {
      const dialog = await dryRun('e2e-sis-1.xml', [ada, bad, bob]);
      await screenshots('sis-upload');
      await dialog.getByRole('button', { name: 'Start dry run' }).click();
      await heading('Dry run of e2e-sis-1.xml').waitFor();
      await succeeded();
      expect(await count('Processed')).toBe('3');
      expect(await count('Created')).toBe('2');
      expect(await count('Rejected')).toBe('1');
      expect(await count('Updated')).toBe('0');
      await entry('e2e-sis-ada').getByText('Would be created').waitFor();
      const rejected = entry('e2e-sis-bad');
      await rejected.getByText('Rejected').waitFor();
      const reasons = rejected.getByRole('list', { name: 'Why e2e-sis-bad was rejected' });
      expect(await reasons.textContent()).toMatch(/NO_SUCH_GROUP|user.?group/i);
      await page.getByRole('button', { name: 'Apply' }).waitFor();
      await screenshots('sis-dry-run');

      await page.getByRole('button', { name: /^Rejected \(1\)$/ }).click();
      await expect.poll(() => records().locator(':scope > li').count()).toBe(1);
      const href = await page.getByRole('link', { name: 'Download rejects (CSV)' }).getAttribute('href');
      const csv = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
      expect(csv).toMatch(/e2e-sis-bad/);
      await page.getByRole('button', { name: /^All / }).click();
    });

    it('applies the dry run: the new run creates the users, each a link to its record', async () => {
      await page.getByRole('button', { name: 'Apply' }).click();
      const confirm = page.getByRole('dialog', { name: 'Apply this dry run?' });
      expect(await confirm.textContent()).toMatch(/create 2 users, update 0 users and deactivate 0 users/);
      await screenshot(page, 'sis-apply-confirm');
      await confirm.getByRole('button', { name: 'Apply' }).click();
      await heading('Run of e2e-sis-1.xml').waitFor();
      await succeeded();
      expect(await count('Created')).toBe('2');
      expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
      await entry('e2e-sis-ada').getByText('Created').waitFor();
      await screenshots('sis-run-applied');

      await entry('e2e-sis-ada').getByRole('link', { name: 'e2e-sis-ada' }).click();
      await heading(/Sisworth, Ada/).waitFor();
    });

    it('follows a large dry run live: its status and the records processed so far, then its records a page at a time', async () => {
      const many = Array.from({ length: 15000 }, (_, i) => ({
        primaryId: `e2e-sis-many-${i}`,
        first: 'Many',
        last: `Sisworth${i}`,
        group: 'UNDERGRAD',
      }));
      const dialog = await dryRun('e2e-sis-many.xml', many);
      await dialog.getByRole('button', { name: 'Start dry run' }).click();
      await heading('Dry run of e2e-sis-many.xml').waitFor();
      // The run's total is known once the file is read through, so while it reads, the count of records moves.
      const live = page.getByRole('status').filter({ hasText: /records processed|Waiting for its turn/ });
      await live.filter({ hasText: /^Running\s*[1-9][\d,]* records processed$/ }).waitFor({ timeout: 30_000 });
      await screenshots('sis-run-live');
      await succeeded();
      expect(await count('Processed')).toBe('15,000');
      expect(await count('Created')).toBe('15,000');
      expect(await live.count()).toBe(0);
      // 50 records a page: Load more reads the next.
      await expect.poll(() => records().locator(':scope > li').count()).toBe(50);
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => records().locator(':scope > li').count()).toBe(100);
    });

    it('shows a dry run’s differences field by field', async () => {
      const dialog = await dryRun('e2e-sis-2.xml', [{ ...ada, last: 'Lovesis', group: 'GRAD' }, bob]);
      await dialog.getByRole('button', { name: 'Start dry run' }).click();
      await heading('Dry run of e2e-sis-2.xml').waitFor();
      await succeeded();
      expect(await count('Updated')).toBe('1');
      expect(await count('Unchanged')).toBe('1');
      const updated = entry('e2e-sis-ada');
      await updated.getByText('Would be updated').waitFor();
      await updated.getByRole('button', { name: /Show changes to e2e-sis-ada/ }).click();
      const diff = updated.getByRole('table', { name: 'Changes to e2e-sis-ada' });
      await diff.waitFor();
      await screenshots('sis-dry-run-diff');
      const lastName = diff.getByRole('row').filter({ hasText: /Last name/i });
      expect(await lastName.textContent()).toMatch(/Sisworth.*Lovesis/);
      await diff
        .getByRole('row')
        .filter({ hasText: /Graduate|GRAD/ })
        .waitFor();

      await mainNav().getByRole('link', { name: 'SIS runs' }).click();
      const runs = page.getByRole('table', { name: 'SIS runs' });
      await runs.getByRole('row').filter({ hasText: 'e2e-sis-2.xml' }).getByText('Dry run').waitFor();
      expect(await runs.getByRole('row').filter({ hasText: 'e2e-sis-1.xml' }).count()).toBe(2);
      await screenshots('sis-runs');
    });
  });

  describe('the Jobs page', () => {
    it('shows a SIS load’s counts as its report', async () => {
      await mainNav().getByRole('link', { name: 'Jobs' }).click();
      await heading('Jobs').waitFor();
      await page
        .getByRole('link', { name: /^SIS load, started/ })
        .first()
        .click();
      const report = page.getByRole('dialog', { name: 'SIS load', exact: true });
      const counts = report.getByLabel('SIS run counts');
      await counts.waitFor();
      expect(await counts.textContent()).toMatch(/Processed.*Created.*Updated.*Unchanged.*Rejected.*Deactivated/);
      await screenshot(page, 'sis-job-report');
      await report.getByRole('button', { name: 'Close' }).first().click();
    });
  });

  describe('a staff member without the SIS permissions', () => {
    let desk: Browser;
    let deskPage: Page;
    afterAll(async () => {
      await desk?.close();
    });

    // The demo's one lower-privileged account is the desk operator, who holds none of the SIS permissions; the
    // newcomer (USER_MANAGER: read but not start) must change their password first, which access.e2e.ts owns.
    it('sees no SIS screens, so no Upload file or Apply', async () => {
      desk = await launchBrowser();
      deskPage = await openPage(desk, inject('baseUrl'));
      await deskPage.goto('/');
      await submitSignIn(deskPage, DEMO_DESK);
      await deskPage.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      const nav = deskPage.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'SIS runs' }).count()).toBe(0);
      await deskPage.goto('/sis/runs');
      await deskPage.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
      expect(await deskPage.getByRole('button', { name: 'Upload file' }).count()).toBe(0);
    });
  });
});
