import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.js';
import { demoAdmin } from './demo-admin.js';
import { submitSignIn } from './sign-in.js';

/** A browser signed in as the demo administrator, on the start page. */
export async function openAdminSession(baseUrl: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = await openPage(browser, baseUrl);
  await page.goto('/');
  await submitSignIn(page, demoAdmin);
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
  return { browser, page };
}
