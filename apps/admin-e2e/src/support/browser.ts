import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const screenshotDir = resolve(import.meta.dirname, '../../../../test-artifacts/screenshots');

/** Debian's chromium, with the switches that keep it quiet and offline in CI. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page (own cookies and storage) against the server under test. */
export async function openPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Fail fast with the locator in the message rather than at the test timeout.
  page.setDefaultTimeout(10_000);
  // Typing another address over a form with unsaved edits makes the browser ask "Leave site?": answer Leave, as
  // the person who typed it would, unless the test listens for that dialog itself.
  const listeners = page as unknown as { listenerCount(event: string): number }; // Page is an EventEmitter
  page.on('dialog', (dialog) => {
    if (listeners.listenerCount('dialog') > 1) return;
    void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss());
  });
  return page;
}

/** Saves the page as test-artifacts/screenshots/<name>.png at the repository root. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  // Let toasts and focus rings settle so the picture shows what a person would see.
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
