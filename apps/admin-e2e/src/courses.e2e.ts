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

/** The default mapping's header: columns named as the enrolment fields. */
const header =
  'course_code,section,course_name,academic_department,term,start_date,end_date,status,instructors,user_primary_id,enrolled_since';
const e2eCourse = 'E2E300,,Browser Testing,CS,AUTUMN2026,2026-09-01,2026-12-18,ACTIVE,f2000001';
/** Two students added to a new course, one enrolment the demo has already, and a user the library does not know. */
const enrolmentsCsv = [
  header,
  `${e2eCourse},s1000125,2026-09-02`,
  `${e2eCourse},s1000126,`,
  'HIST101,01,History of Europe,HIST,AUTUMN2026,2026-09-01,2026-12-18,ACTIVE,f2000001,s1000127,',
  `${e2eCourse},e2e-nobody,`,
].join('\n');

// The courses module on the demo: DEMO enables it with five courses and forty students (s1000101–s1000140) in them.
// s1000113 is in HIST101-01 and MATH200 (AUTUMN2026) and BIO110 (SPRING2026); no other browser test uses them.
describe('courses in the admin app', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const { dismissToasts, heading, mainNav, tab, toast } = pageParts(() => page);

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
    dir = await mkdtemp(join(tmpdir(), 'ulms-courses-e2e-'));
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

  /** User Details of the user with this primary identifier, on its Courses tab. */
  const openCourses = async (primaryId: string) => {
    await page.goto(`/users?q=${primaryId}&by=primaryId`);
    const link = page.getByRole('table', { name: 'Users' }).getByRole('link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await heading(name).waitFor();
    await tab('Courses').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'courses');
    return name;
  };
  const courses = () => page.getByRole('table', { name: 'Courses', exact: true });
  const courseRows = () => courses().locator('tbody tr');

  describe('the Courses tab', () => {
    it('lists a student’s courses with their term, dates, status and instructors, and filters them by term', async () => {
      await openCourses('s1000113');
      const history = courses().getByRole('row', { name: /HIST101-01/ });
      await history.waitFor();
      expect(await history.textContent()).toMatch(/History of Europe.*AUTUMN2026.*Active/);
      const biology = courses().getByRole('row', { name: /BIO110/ });
      expect(await biology.textContent()).toMatch(/Cell Biology.*SPRING2026.*Inactive/);
      await courses()
        .getByRole('row', { name: /MATH200/ })
        .waitFor();
      expect(await courseRows().count()).toBe(3);
      await page.getByText('(3 enrolments in all)').waitFor();
      await screenshots('courses-tab');

      const term = page.getByLabel('Term');
      expect(await term.locator('option').allTextContents()).toEqual(['All terms', 'AUTUMN2026', 'SPRING2026']);
      await term.selectOption('SPRING2026');
      await expect.poll(() => courseRows().count()).toBe(1);
      await courses()
        .getByRole('row', { name: /BIO110/ })
        .waitFor();
      await page.getByLabel('Status').selectOption('ACTIVE');
      await page.getByText('No courses match these filters.').waitFor();
      await page.getByLabel('Status').selectOption('');
      await term.selectOption('');
      await expect.poll(() => courseRows().count()).toBe(3);
    });

    it('removes one course after a confirmation naming it', async () => {
      await courses().getByRole('button', { name: 'Remove MATH200' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove MATH200?' });
      expect(await confirm.textContent()).toMatch(/no longer be enrolled in MATH200 Linear Algebra \(AUTUMN2026\)/);
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await toast('Removed from MATH200.').waitFor();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => courseRows().count()).toBe(2);
      expect(
        await courses()
          .getByRole('row', { name: /MATH200/ })
          .count(),
      ).toBe(0);
      await page.getByText('(2 enrolments in all)').waitFor();
      await dismissToasts();
    });

    it('removes all courses after a confirmation naming how many, then says the user has none', async () => {
      // A filter hides a course: Remove all still names (and removes) both.
      await page.getByLabel('Term').selectOption('SPRING2026');
      await expect.poll(() => courseRows().count()).toBe(1);
      await page.getByRole('button', { name: 'Remove all' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove all courses?' });
      expect(await confirm.textContent()).toMatch(/2 enrolments will be removed, including those the filters hide/);
      await screenshot(page, 'courses-remove-all-confirm');
      await confirm.getByRole('button', { name: 'Remove all 2' }).click();
      await toast('Removed from 2 courses.').waitFor();
      await page.getByLabel('Term').selectOption('');
      await page.getByText('This user is not enrolled in any course.').waitFor();
      expect(await page.getByRole('button', { name: 'Remove all' }).count()).toBe(0);
      await page.getByText('(0 enrolments in all)').waitFor();
      await dismissToasts();
      await screenshot(page, 'courses-tab-empty');
    });
  });

  describe('a removal meanwhile', () => {
    // s1000117 is in HIST101-01 and BIO110.
    it('refuses Remove all when the count it named is out of date, says so and reads the list again', async () => {
      await openCourses('s1000117');
      await expect.poll(() => courseRows().count()).toBe(2);
      const other = await page.context().newPage();
      try {
        await other.goto(page.url());
        await other
          .getByRole('table', { name: 'Courses', exact: true })
          .getByRole('button', { name: 'Remove BIO110' })
          .click();
        await other.getByRole('dialog', { name: 'Remove BIO110?' }).getByRole('button', { name: 'Remove' }).click();
        await other.getByRole('status').getByText('Removed from BIO110.').waitFor();
      } finally {
        await other.close();
      }

      await page.getByRole('button', { name: 'Remove all' }).click();
      await page
        .getByRole('dialog', { name: 'Remove all courses?' })
        .getByRole('button', { name: 'Remove all 2' })
        .click();
      await page.getByText('Nothing was removed: the user’s courses changed since the list was read.').waitFor();
      await expect.poll(() => courseRows().count()).toBe(1);
      await page.getByText('(1 enrolment in all)').waitFor();
      await screenshot(page, 'courses-remove-all-conflict');
    });
  });

  describe('enrolment imports', () => {
    const facts = () => page.locator('.courses-facts');
    const count = async (label: string) =>
      (await page
        .getByLabel('Counts', { exact: true })
        .locator('div')
        .filter({ hasText: new RegExp(`^${label}`) })
        .locator('dd')
        .textContent()) ?? '';
    const rows = () => page.getByRole('list', { name: 'Rows' });
    const row = (text: string) => rows().locator(':scope > li').filter({ hasText: text });
    const succeeded = () => facts().getByText('Succeeded').waitFor({ timeout: 30_000 });

    it('dry-runs a CSV: the counts, the rejected row with its reason and the rejects CSV', async () => {
      const path = join(dir, 'e2e-enrolments.csv');
      await writeFile(path, `${enrolmentsCsv}\n`);
      await mainNav().getByRole('link', { name: 'Course enrolment imports' }).click();
      await heading('Course enrolment imports').waitFor();
      await page
        .getByRole('table', { name: 'Course enrolment imports' })
        .getByRole('row', { name: /demo-enrolments\.csv/ })
        .waitFor();
      await page.getByRole('button', { name: 'Upload file' }).click();
      const dialog = page.getByRole('dialog', { name: 'Upload an enrolment file' });
      await dialog.getByLabel(/^File/).setInputFiles(path);
      expect(await dialog.getByRole('checkbox', { name: 'Dry run' }).isChecked()).toBe(true);
      await dialog.getByRole('checkbox', { name: 'Full load' }).check();
      await dialog.getByText('Every enrolment of the institution that is not in this file will be removed').waitFor();
      await screenshot(page, 'courses-upload-full-load');
      // Not a full load here: the demo's other enrolments stay.
      await dialog.getByRole('checkbox', { name: 'Full load' }).uncheck();
      await dialog.getByRole('button', { name: 'Start dry run' }).click();

      await heading('Dry run of e2e-enrolments.csv').waitFor();
      await succeeded();
      expect(await count('Processed')).toBe('4');
      expect(await count('Added')).toBe('2');
      expect(await count('Kept')).toBe('1');
      expect(await count('Rejected')).toBe('1');
      expect(await count('Removed')).toBe('0');
      expect(await count('Courses created')).toBe('1');
      await page.getByText('A dry run changed no enrolment').waitFor();
      await row('s1000125').getByText('Would be added').waitFor();
      const rejected = row('e2e-nobody');
      await rejected.getByText('Rejected').waitFor();
      expect(await rejected.getByRole('list', { name: 'Why row 4 was rejected' }).textContent()).toMatch(
        /user_primary_id/,
      );
      await page.getByRole('button', { name: 'Apply' }).waitFor();
      await screenshots('courses-import-dry-run');

      await page.getByRole('button', { name: /^Rejected \(1\)$/ }).click();
      await expect.poll(() => rows().locator(':scope > li').count()).toBe(1);
      const href = await page.getByRole('link', { name: 'Download rejects (CSV)' }).getAttribute('href');
      const csv = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
      expect(csv).toMatch(/^row,user_primary_id/);
      expect(csv).toMatch(/\n4,e2e-nobody,E2E300,/);
      await page.getByRole('button', { name: /^All / }).click();
    });

    it('applies the dry run: the new import adds the enrolments, which the Courses tab shows', async () => {
      await page.getByRole('button', { name: 'Apply' }).click();
      const confirm = page.getByRole('dialog', { name: 'Apply this dry run?' });
      expect(await confirm.textContent()).toMatch(/add 2 enrolments and create 1 course\./);
      expect(await confirm.textContent()).toMatch(/The rejected row is not imported/);
      await screenshot(page, 'courses-apply-confirm');
      await confirm.getByRole('button', { name: 'Apply' }).click();
      await heading('Import of e2e-enrolments.csv').waitFor();
      await succeeded();
      expect(await count('Added')).toBe('2');
      expect(await count('Rejected')).toBe('1');
      expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
      expect(await page.getByText('A dry run changed no enrolment').count()).toBe(0);
      // An import lists its rejected and removed rows; its additions are counted.
      await page.getByRole('button', { name: /^All \(1\)$/ }).waitFor();
      await row('e2e-nobody').waitFor();
      await screenshots('courses-import-applied');

      // The dry run now links to the import that applied it, and offers Apply no more.
      await page.getByRole('link', { name: '← Course enrolment imports' }).click();
      const list = page.getByRole('table', { name: 'Course enrolment imports' });
      const dry = list.getByRole('row', { name: /e2e-enrolments\.csv/ }).filter({ hasText: 'Dry run' });
      await screenshots('courses-imports');
      await dry.getByRole('link', { name: 'e2e-enrolments.csv' }).click();
      await heading('Dry run of e2e-enrolments.csv').waitFor();
      await page.getByRole('link', { name: 'the import that loaded this file' }).waitFor();
      expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);

      await openCourses('s1000125');
      const enrolled = courses().getByRole('row', { name: /E2E300/ });
      await enrolled.waitFor();
      expect(await enrolled.textContent()).toMatch(/Browser Testing.*AUTUMN2026/);
    });

    it('shows an import’s counts as its report on the Jobs page', async () => {
      await mainNav().getByRole('link', { name: 'Jobs' }).click();
      await heading('Jobs').waitFor();
      await page
        .getByRole('link', { name: /^Course enrolment import, started/ })
        .first()
        .click();
      const report = page.getByRole('dialog', { name: 'Course enrolment import', exact: true });
      const counts = report.getByLabel('Enrolment import counts');
      await counts.waitFor();
      expect(await counts.textContent()).toMatch(/Processed4.*Added2.*Kept1.*Rejected1/);
      await screenshot(page, 'courses-job-report');
      await report.getByRole('button', { name: 'Close' }).first().click();
    });

    it('shows a user with more courses than a page a hundred at a time, the rest on Load more', async () => {
      // s1000139 is in no other browser test; 101 new courses, one row each, for them alone.
      const many = Array.from({ length: 101 }, (_, i) => {
        const code = `LOAD${String(i + 1).padStart(3, '0')}`;
        return `${code},,Seminar ${i + 1},GEN,AUTUMN2026,2026-09-01,2026-12-18,ACTIVE,,s1000139,`;
      });
      const path = join(dir, 'e2e-many-courses.csv');
      await writeFile(path, `${[header, ...many].join('\n')}\n`);
      await mainNav().getByRole('link', { name: 'Course enrolment imports' }).click();
      await page.getByRole('button', { name: 'Upload file' }).click();
      const dialog = page.getByRole('dialog', { name: 'Upload an enrolment file' });
      await dialog.getByLabel(/^File/).setInputFiles(path);
      await dialog.getByRole('checkbox', { name: 'Dry run' }).uncheck();
      await dialog.getByRole('button', { name: 'Start import' }).click();
      await heading('Import of e2e-many-courses.csv').waitFor();
      await succeeded();
      expect(await count('Added')).toBe('101');

      await openCourses('s1000139');
      // The demo enrols them in a course or two already.
      const all = page.getByText(/\(\d+ enrolments in all\)/);
      const total = Number((await all.textContent())?.match(/\((\d+) enrolments/)?.[1]);
      expect(total).toBeGreaterThan(101);
      await expect.poll(() => courseRows().count()).toBe(100);
      await page.getByText('100 courses shown; there are more').waitFor();
      await screenshot(page, 'courses-tab-load-more');
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => courseRows().count()).toBe(total);
      await courses()
        .getByRole('row', { name: /LOAD101/ })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    });
  });

  describe('the enrolment file mapping', () => {
    const form = () => page.getByRole('form', { name: 'Enrolment file mapping' });
    const fieldCell = (n: number) => form().getByRole('combobox', { name: `Enrolment field ${n}`, exact: true });

    it('shows the server’s error under the field, asks before leaving unsaved changes, and saves', async () => {
      await mainNav().getByRole('link', { name: 'Enrolment file mapping' }).click();
      await heading('Enrolment file mapping').waitFor();
      expect(await form().getByRole('textbox', { name: 'CSV column 1', exact: true }).inputValue()).toBe('course_code');
      expect(await fieldCell(1).inputValue()).toBe('course_code');
      await form().getByText('Course code (required)').first().waitFor();

      // Two columns for one field: the server refuses it under the second.
      await fieldCell(2).selectOption('course_code');
      await form().getByRole('button', { name: 'Save mapping' }).click();
      await form().getByText('course_code is mapped twice').first().waitFor();
      expect(await fieldCell(2).getAttribute('aria-invalid')).toBe('true');
      await form()
        .getByRole('alert')
        .getByText(/Row 2, enrolment field/)
        .waitFor();
      await screenshots('courses-mapping-error');

      await mainNav().getByRole('link', { name: 'Course enrolment imports' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.getByRole('button', { name: 'Stay' }).click();
      await leave.waitFor({ state: 'detached' });

      await fieldCell(2).selectOption('section');
      // A file from another system: its own header names, a column it has that the import ignores left out.
      await form().getByRole('textbox', { name: 'CSV column 1', exact: true }).fill('Course');
      await form().getByRole('button', { name: 'Move row 2 up' }).click();
      expect(await form().getByRole('textbox', { name: 'CSV column 2', exact: true }).inputValue()).toBe('Course');
      await form()
        .getByLabel(/^Delimiter/)
        .selectOption(';');
      await form().getByRole('button', { name: 'Save mapping' }).click();
      await toast('Enrolment file mapping saved.').waitFor();
      await dismissToasts();

      await page.reload();
      await heading('Enrolment file mapping').waitFor();
      expect(await form().getByRole('textbox', { name: 'CSV column 2', exact: true }).inputValue()).toBe('Course');
      expect(await fieldCell(2).inputValue()).toBe('course_code');
      expect(
        await form()
          .getByLabel(/^Delimiter/)
          .inputValue(),
      ).toBe(';');
      await screenshot(page, 'courses-mapping-saved');

      // Saved meanwhile in another window: this save is refused, and the form shows the other one.
      const other = await page.context().newPage();
      try {
        await other.goto(page.url());
        const otherForm = other.getByRole('form', { name: 'Enrolment file mapping' });
        await otherForm.getByLabel(/^Delimiter/).selectOption('|');
        await otherForm.getByRole('button', { name: 'Save mapping' }).click();
        await other.getByRole('status').getByText('Enrolment file mapping saved.').waitFor();
      } finally {
        await other.close();
      }
      await form().getByRole('textbox', { name: 'CSV column 11', exact: true }).fill('since');
      await form().getByRole('button', { name: 'Save mapping' }).click();
      await form().getByText('Someone else changed the mapping since you opened it').waitFor();
      await expect
        .poll(() =>
          form()
            .getByLabel(/^Delimiter/)
            .inputValue(),
        )
        .toBe('|');
      expect(await form().getByRole('textbox', { name: 'CSV column 11', exact: true }).inputValue()).toBe(
        'enrolled_since',
      );
      await screenshot(page, 'courses-mapping-conflict');

      // Back to the default, so the files of the other tests read as they are written.
      await form().getByRole('button', { name: 'Move row 2 up' }).click();
      await form().getByRole('textbox', { name: 'CSV column 1', exact: true }).fill('course_code');
      await form()
        .getByLabel(/^Delimiter/)
        .selectOption(',');
      await form().getByRole('button', { name: 'Save mapping' }).click();
      await toast('Enrolment file mapping saved.').waitFor();
      await dismissToasts();
    });
  });

  describe('a circulation desk operator', () => {
    let desk: Browser;
    afterAll(async () => {
      await desk?.close();
    });

    // The desk operator holds none of the courses permissions: no Courses tab, no imports, no mapping.
    it('sees no Courses tab and no course screens', async () => {
      desk = await launchBrowser();
      const deskPage = await openPage(desk, inject('baseUrl'));
      await deskPage.goto('/');
      await submitSignIn(deskPage, DEMO_DESK);
      await deskPage.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      const nav = deskPage.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Course enrolment imports' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Enrolment file mapping' }).count()).toBe(0);
      await deskPage.goto('/users?q=s1000101&by=primaryId');
      const link = deskPage.getByRole('table', { name: 'Users' }).getByRole('link').first();
      await link.click();
      await deskPage.getByRole('tab', { name: 'General information' }).waitFor();
      expect(await deskPage.getByRole('tab', { name: 'Courses' }).count()).toBe(0);
      await deskPage.goto('/courses/imports');
      await deskPage.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    });
  });
});
