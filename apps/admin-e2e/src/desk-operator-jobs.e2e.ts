import { DEMO_DESK } from '@ulms/server/demo-seed';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { submitSignIn } from './support/sign-in.js';
import { pageParts } from './support/page-parts.js';

/** A field's label, with or without the required marker. */
const label = (text: string) => new RegExp(`^${text}( \\*)?$`);

// A desk operator in a fresh browser: Add user loads cold (every code table at once, once a 414), and the
// bulk edit they start shows them its progress and report although they may not see every job.
describe('a desk operator at a cold start', () => {
  let browser: Browser;
  let page: Page;
  const failedCalls: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject('baseUrl'));
    page.on('response', (response) => {
      if (response.status() >= 400) failedCalls.push(`${response.status()} ${response.url().slice(0, 200)}`);
    });
    await page.goto('/');
    await submitSignIn(page, DEMO_DESK);
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const { mainNav, heading } = pageParts(() => page);

  it('opens Add user first thing, with every select filled and no failed request', async () => {
    await page.goto('/users/new');
    await heading('Add user').waitFor();
    await page.getByRole('radio', { name: 'Public' }).check();
    const userGroup = page.getByLabel(label('User group'));
    await userGroup.locator('option', { hasText: /^Undergraduate$/ }).waitFor({ state: 'attached' });
    expect(await userGroup.locator('option').count()).toBeGreaterThan(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(failedCalls).toEqual([]);
    await screenshot(page, 'server-cold-add-user');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'server-cold-add-user-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('starts a bulk edit and follows it to its report without the Jobs permission', async () => {
    for (const [first, primaryId] of [
      ['Dee', 'e2e-desk-dee'],
      ['Del', 'e2e-desk-del'],
    ] as const) {
      await page.goto('/users/new');
      await heading('Add user').waitFor();
      await page.getByRole('radio', { name: 'Public' }).check();
      await page.getByLabel('Primary identifier').fill(primaryId);
      await page.getByLabel(label('First name')).fill(first);
      await page.getByLabel(label('Last name')).fill('Deskworth');
      await page.getByLabel(label('User group')).selectOption({ label: 'Undergraduate' });
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await heading(`Deskworth, ${first}`).waitFor();
    }

    await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
    await heading('Find and Manage Users').waitFor();
    const search = page.getByRole('search', { name: 'Find users' });
    await search.getByLabel('Search by').selectOption('name');
    await search.getByLabel('Search users').fill('Deskworth');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('row').filter({ hasText: 'e2e-desk-del' }).waitFor();
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk edit users' });
    await dialog.getByLabel('Field to change').selectOption('userGroup');
    await dialog.getByLabel(label('New user group')).selectOption({ label: 'Graduate' });
    await dialog.getByRole('button', { name: 'Start bulk edit' }).click();

    // The Jobs page opens on the job's report; the page under the dialog is hidden from assistive tech meanwhile.
    const report = page.getByRole('dialog', { name: 'Bulk edit users', exact: true });
    await report.getByText('Succeeded', { exact: true }).waitFor({ timeout: 20_000 });
    await report.getByText('Every matched user was updated.').waitFor();
    expect(await report.textContent()).toContain('Demo Desk Operator');
    await screenshot(page, 'server-desk-bulk-edit-report');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'server-desk-bulk-edit-report-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await report.getByRole('button', { name: 'Close' }).click();
    await report.waitFor({ state: 'detached' });
    await heading('Jobs').waitFor();
    expect(new URL(page.url()).pathname).toBe('/jobs');

    // The list holds the jobs they started, and nobody else's.
    const rows = page.getByRole('row').filter({ hasText: 'Bulk edit users' });
    await rows.first().getByText('Succeeded').waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Demo Administrator' }).count()).toBe(0);
    expect(failedCalls).toEqual([]);
    await screenshot(page, 'server-desk-jobs');
  });
});
