import { DEMO_DESK } from '@ulms/server/demo-seed';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { demoAdmin } from './support/demo-admin.js';
import { type Credentials, submitSignIn } from './support/sign-in.js';

const isSearch = (url: URL) => url.pathname.startsWith('/trpc/') && url.pathname.includes('users.search');

async function signedIn(browser: Browser, who: Credentials): Promise<Page> {
  const page = await openPage(browser, inject('baseUrl'));
  await page.goto('/');
  await submitSignIn(page, who);
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
  return page;
}

/** Opens Find and Manage Users through the address, as a bookmark or a reload would. */
async function openFind(page: Page, query = ''): Promise<void> {
  await page.goto(`/users${query}`);
  await page.getByRole('heading', { level: 1, name: 'Find and Manage Users' }).waitFor();
  await waitUntilSettled(page);
}

const usersTable = (page: Page): Locator => page.getByRole('table', { name: 'Users' });

/** Waits until the table shows the answer to the current search (not the previous one, not "Loading…"). */
async function waitUntilSettled(page: Page): Promise<void> {
  await page.locator('table[aria-busy="false"]').waitFor();
}

/** The primary identifiers of the rows shown, in order. */
async function primaryIds(page: Page): Promise<string[]> {
  const header = await usersTable(page).locator('thead th').allInnerTexts();
  const column = header.findIndex((text) => /primary identifier/i.test(text));
  return usersTable(page)
    .locator('tbody tr')
    .evaluateAll((rows, index) => rows.map((row) => row.children[index]?.textContent?.trim() ?? ''), column);
}

async function search(page: Page, text: string): Promise<void> {
  const form = page.getByRole('search', { name: 'Find users' });
  await form.getByLabel('Search users').fill(text);
  await form.getByRole('button', { name: 'Search' }).click();
}

describe('Find and Manage Users at the desk', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await signedIn(browser, demoAdmin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows at least 15 one-line user rows above the fold at 1280×800', async () => {
    await openFind(page);
    await screenshot(page, 'find-list-1280');
    const inView = await usersTable(page)
      .locator('tbody tr')
      .evaluateAll(
        (rows) =>
          rows.filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }).length,
      );
    expect(inView).toBeGreaterThanOrEqual(15);
    // One line each: every row as tall as the first.
    const heights = await usersTable(page)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => Math.round(row.getBoundingClientRect().height)));
    expect(new Set(heights).size).toBe(1);
    // Every column fits: no sideways scrolling to reach a row's actions.
    const scroller = page.locator('.ui-table__scroll');
    expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });

  it('sorts on the server by clicking a header, with the order in the address, kept by a reload', async () => {
    await openFind(page);
    const header = usersTable(page).getByRole('columnheader', { name: /Primary identifier/ });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    expect(await usersTable(page).getByRole('columnheader', { name: 'Active' }).getByRole('button').count()).toBe(0);

    await header.getByRole('button').click();
    await page.waitForURL(/sort=primaryId/);
    await waitUntilSettled(page);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await primaryIds(page);
    // Identifiers are codes: the database orders them by code point, so "E2E-…" comes before "a3…".
    expect(ascending).toEqual([...ascending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    await header.getByRole('button').click();
    await page.waitForURL(/dir=desc/);
    await waitUntilSettled(page);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await primaryIds(page);
    expect(descending[0]).not.toBe(ascending[0]);

    await page.reload();
    await waitUntilSettled(page);
    expect(
      await usersTable(page)
        .getByRole('columnheader', { name: /Primary identifier/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(await primaryIds(page)).toEqual(descending);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('dir=desc'));
    await waitUntilSettled(page);
    expect(await primaryIds(page)).toEqual(ascending);
  });

  it('shows a slow search as loading, never the previous rows as its answer', async () => {
    await openFind(page);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(isSearch, async (route) => {
      await held;
      await route.continue();
    });
    await search(page, 'a');
    await page.getByRole('status').filter({ hasText: 'Loading…' }).waitFor();
    expect(await usersTable(page).getAttribute('aria-busy')).toBe('true');
    await screenshot(page, 'find-loading');
    release();
    await waitUntilSettled(page);
    expect(await page.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
    await page.unroute(isSearch);
  });

  it('says so when the server cannot be reached, with no stale rows, and retries', async () => {
    await openFind(page);
    await page.route(isSearch, (route) => route.abort('internetdisconnected'));
    await search(page, 'offline-search');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not search the users' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('The server could not be reached.');
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);
    await screenshot(page, 'find-offline');

    await page.unroute(isSearch);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await usersTable(page).waitFor();
    await waitUntilSettled(page);
  });

  it('tells a search that matches nobody apart from an empty list, and clears it', async () => {
    await openFind(page);
    await search(page, 'zz-nobody-is-called-this');
    await page.getByText('No users match “zz-nobody-is-called-this”.').waitFor();
    expect(await page.getByText('No users yet.').count()).toBe(0);
    await screenshot(page, 'find-no-match');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.waitForURL((url) => url.pathname === '/users' && url.search === '');
    await usersTable(page).locator('tbody tr').nth(5).waitFor();
  });

  it("narrows the list to a course's students with the courses module's filter, kept in the address", async () => {
    // The demo enrols every fifth demo student, from s1000101, in CHEM150 (see courses-demo.seed.ts); the courses
    // browser tests, which may run first on the same server, leave CHEM150's students alone.
    const chem150 = Array.from({ length: 8 }, (_, i) => `s${1_000_101 + 5 * i}`);
    const enrolledIn = () => page.getByRole('group', { name: 'More filters' }).getByLabel('Enrolled in course');
    await openFind(page);
    expect(await enrolledIn().getAttribute('placeholder')).toBe('Course code');

    // Typed as staff type it: the code matches whatever its case, once typing pauses.
    await enrolledIn().fill('chem150');
    await page.waitForURL(/[?&]f\.courses\.enrolledIn=chem150/);
    await waitUntilSettled(page);
    await page.getByText('Rows 1–8 of 8').waitFor();
    expect((await primaryIds(page)).sort()).toEqual(chem150);
    await screenshot(page, 'find-enrolled-in-course');

    // Sorting keeps the filter; so does a reload, which shows it in its field.
    await usersTable(page)
      .getByRole('columnheader', { name: /Primary identifier/ })
      .getByRole('button')
      .click();
    await page.waitForURL(/sort=primaryId/);
    await waitUntilSettled(page);
    expect(await primaryIds(page)).toEqual(chem150);
    await page.reload();
    await waitUntilSettled(page);
    expect(await enrolledIn().inputValue()).toBe('chem150');
    expect(await primaryIds(page)).toEqual(chem150);

    // Bulk edit acts on the same users: the filter goes with its search.
    const isBulkEdit = (url: URL) => url.pathname.startsWith('/trpc/') && url.pathname.includes('users.bulkEdit');
    let sent = '';
    await page.route(isBulkEdit, async (route) => {
      sent = route.request().postData() ?? '';
      await route.abort();
    });
    try {
      await page.getByRole('button', { name: 'Bulk edit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Bulk edit users' });
      expect(await dialog.getByText(/applies to all 8 users/).count()).toBe(1);
      await dialog.getByLabel('Field to change').selectOption({ label: 'Status' });
      await dialog.getByLabel(/New status/).selectOption({ index: 1 });
      await dialog.getByRole('button', { name: 'Start bulk edit' }).click();
      await expect.poll(() => sent).toContain('"filters":{"courses.enrolledIn":"chem150"}');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await page.unroute(isBulkEdit);
    }

    // Emptying the field brings the others back, still in the chosen order.
    await enrolledIn().fill('');
    await page.waitForURL((url) => !url.search.includes('f.courses'));
    await waitUntilSettled(page);
    await page.getByText(/^Rows 1–20 of/).waitFor();
    const shown = await primaryIds(page);
    expect(shown.filter((id) => !chem150.includes(id)).length).toBeGreaterThan(10);
    expect(new URL(page.url()).search).toBe('?sort=primaryId');

    // A code nobody is enrolled in matches nobody; "Clear search and filters" empties the field too.
    await enrolledIn().fill('NOPE999');
    await page.getByText('No users match the search with the chosen filter.').waitFor();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.waitForURL((url) => !url.search.includes('f.courses'));
    await waitUntilSettled(page);
    expect(await enrolledIn().inputValue()).toBe('');
    await page.getByText(/^Rows 1–20 of/).waitFor();
  });

  it('shows a filter the server refuses under its field, and clears it there', async () => {
    await openFind(page, '?f.nowhere.filter=x');
    const field = page.getByRole('group', { name: 'More filters' }).getByLabel('nowhere.filter');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('is not a search filter of this institution').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Could not search the users' }).count()).toBe(0);
    await screenshot(page, 'find-filter-refused');
    await field.fill('');
    await page.waitForURL((url) => url.pathname === '/users' && url.search === '');
    await waitUntilSettled(page);
    expect(await field.count()).toBe(0);
    await usersTable(page).locator('tbody tr').nth(5).waitFor();
  });

  it("offers the courses module's Courses column in the Columns chooser", async () => {
    await openFind(page);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Courses' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it("remembers the staff member's columns and page size across a reload and on another browser", async () => {
    const header = (on: Page, name: RegExp) => usersTable(on).getByRole('columnheader', { name });
    const toggleColumns = async (...names: string[]) => {
      await page.getByRole('button', { name: 'Columns' }).click();
      for (const name of names) await page.getByRole('menuitemcheckbox', { name }).click();
      await page.keyboard.press('Escape');
    };
    await openFind(page);
    // Optional columns start hidden; the Columns menu shows one and hides another.
    expect(await header(page, /Account type/).count()).toBe(0);
    await toggleColumns('Account type', 'Record type');
    await page.getByLabel('Rows per page').selectOption('50');
    await page.getByText(/^Rows 1–50 of/).waitFor();
    await waitUntilSettled(page);
    expect(await header(page, /Account type/).count()).toBe(1);
    expect(await header(page, /Record type/).count()).toBe(0);
    await screenshot(page, 'find-columns-chosen');
    // The saves are under way in the background; let them land.
    await page.waitForLoadState('networkidle');

    await page.reload();
    await page.getByText(/^Rows 1–50 of/).waitFor();
    expect(await header(page, /Account type/).count()).toBe(1);
    expect(await header(page, /Record type/).count()).toBe(0);
    expect(await page.getByLabel('Rows per page').inputValue()).toBe('50');

    const elsewhere = await signedIn(browser, demoAdmin);
    await elsewhere.goto('/users');
    await elsewhere.getByText(/^Rows 1–50 of/).waitFor();
    expect(await header(elsewhere, /Account type/).count()).toBe(1);
    expect(await header(elsewhere, /Record type/).count()).toBe(0);
    await elsewhere.context().close();

    // Back to the defaults, for the other browser tests of the same administrator.
    await toggleColumns('Account type', 'Record type');
    await page.getByLabel('Rows per page').selectOption('20');
    await page.getByText(/^Rows 1–20 of/).waitFor();
    await page.waitForLoadState('networkidle');
  });

  it('returns focus to the opener when a dialog closes, and keeps it inside while open', async () => {
    await openFind(page);
    const bulkEdit = page.getByRole('button', { name: 'Bulk edit' });
    await bulkEdit.click();
    const dialog = page.getByRole('dialog', { name: 'Bulk edit users' });
    await dialog.waitFor();
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await bulkEdit.evaluate((element) => element === document.activeElement)).toBe(true);

    const firstRow = usersTable(page).locator('tbody tr').first();
    const actions = firstRow.getByRole('button', { name: /^Actions for / });
    await actions.click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: /^Delete .*\?$/ });
    await confirm.waitFor();
    expect(
      await confirm.getByRole('button', { name: 'Cancel' }).evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await screenshot(page, 'find-delete-dialog');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await actions.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('keeps the list usable on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openFind(page);
      // The table scrolls sideways inside its box; the page itself is no wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'find-list-390');
      await usersTable(page)
        .locator('tbody tr')
        .first()
        .getByRole('button', { name: /^Actions for / })
        .click();
      await page.getByRole('menuitem', { name: 'Edit' }).waitFor();
      await screenshot(page, 'find-actions-menu-390');
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it("shows a user's initials when their picture does not load, not a broken image", async () => {
    // The record names a picture on a host that does not answer (as when a picture server is down).
    const withPicture = (url: URL) => url.pathname.startsWith('/trpc/') && url.pathname.includes('users.get');
    let pictured = false;
    await page.route(withPicture, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll(
        '"pictureUrl":null',
        '"pictureUrl":"https://pictures.invalid/ada.png"',
      );
      pictured ||= body.includes('pictures.invalid');
      await route.fulfill({ response, body });
    });
    try {
      await openFind(page);
      await usersTable(page).locator('tbody tr').first().getByRole('link').click();
      const initials = page.locator('.users-summary__initials');
      await initials.waitFor();
      expect(pictured).toBe(true);
      expect(await initials.textContent()).toMatch(/^[A-Z]{1,2}$/);
      expect(await page.locator('.users-summary img').count()).toBe(0);
      await screenshot(page, 'find-user-initials');
    } finally {
      await page.unroute(withPicture);
    }
  });

  it('offers the desk operator only what their permissions allow', async () => {
    const desk = await signedIn(browser, DEMO_DESK);
    await openFind(desk);
    // A desk operator adds and edits users (and so may bulk edit, as the server allows) but deletes nobody.
    expect(await desk.getByRole('link', { name: 'Add user' }).count()).toBe(1);
    await usersTable(desk)
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /^Actions for / })
      .click();
    const menu = desk.getByRole('menu');
    await menu.getByRole('menuitem', { name: 'Edit' }).waitFor();
    expect(await menu.getByRole('menuitem', { name: 'Delete' }).count()).toBe(0);
    await screenshot(desk, 'find-desk-operator-menu');
    await desk.keyboard.press('Escape');

    await desk.getByRole('button', { name: 'Bulk edit' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Bulk edit users' });
    const fields = await dialog.getByLabel('Field to change').locator('option').allInnerTexts();
    expect(fields).toContain('User group');
    expect(fields).not.toContain('Purge date');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await desk.context().close();
  });
});
