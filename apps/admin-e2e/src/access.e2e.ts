import { DEMO_DESK } from '@ulms/server/demo-seed';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { newcomer } from './support/newcomer.js';
import { submitSignIn } from './support/sign-in.js';
import { pageParts } from './support/page-parts.js';

describe('access by role and first sign-in', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const { heading } = pageParts(() => page);

  it('makes a newcomer choose a new password before anything else', async () => {
    page = await openPage(browser, inject('baseUrl'));
    await page.goto('/');
    await submitSignIn(page, { ...newcomer, password: inject('newcomerPassword') });
    await heading('Choose a new password').waitFor();

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    await screenshot(page, 'sign-in-new-password-invalid');

    const chosen = `${inject('newcomerPassword')}-and-longer`;
    await page.getByLabel('New password', { exact: true }).fill(chosen);
    await page.getByLabel('Repeat the new password', { exact: true }).fill(chosen);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(`Welcome, ${newcomer.displayName}`).waitFor();
  });

  it('shows a desk operator only what their role allows', async () => {
    page = await openPage(browser, inject('baseUrl'));
    await page.goto('/');
    await submitSignIn(page, DEMO_DESK);
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Modules' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    await screenshot(page, 'home-desk-operator');

    await page.goto('/modules');
    await heading('You do not have access to this page').waitFor();
  });
});
