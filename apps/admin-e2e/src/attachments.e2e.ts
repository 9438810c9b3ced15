import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

const label = (text: string) => new RegExp(`^${text}( \\*)?$`);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PNG by its signature, of `size` bytes: the server reads the type from the first bytes. */
function png(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

// Attachments go to the server as HTTP streams: far beyond the 1 MiB a tRPC body could carry as base64, up to
// the institution's maximum (5 MiB by default), and come back byte for byte through the download link.
describe('attachments as streams', () => {
  let browser: Browser;
  let page: Page;
  const { heading, tab } = pageParts(() => page);

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
    await page.goto('/users/new');
    await heading('Add user').waitFor();
    await page.getByRole('radio', { name: 'Public' }).check();
    await page.getByLabel('Primary identifier').fill('e2e-files-ada');
    await page.getByLabel(label('First name')).fill('Ada');
    await page.getByLabel(label('Last name')).fill('Streams');
    await page.getByLabel('User group').selectOption({ label: 'Undergraduate' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading('Streams, Ada').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a 3.5 MB file through the dialog and downloads it byte for byte', async () => {
    const content = png(3.5 * 1024 * 1024);
    const fileName = 'Lånekort "skannet".png';
    await tab('Attachments').click();
    await page.getByRole('button', { name: 'Upload attachment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload attachment' });
    await dialog.getByText('(at most 5.0 MB)').waitFor();
    await dialog.getByLabel(label('File')).setInputFiles({
      name: fileName,
      mimeType: 'image/png',
      buffer: content,
    });
    await dialog.getByLabel('Note').fill('Scanned at the desk');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    const row = page.getByRole('row').filter({ hasText: fileName });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'image/png', exact: true }).count()).toBe(1);
    expect(await row.getByRole('cell', { name: '3.5 MB', exact: true }).count()).toBe(1);
    await screenshot(page, 'users-attachment-streamed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: `Download ${fileName}` }).click(),
    ]);
    // The name arrives whole (filename*, UTF-8); Chromium itself writes quotes in a file name as _.
    expect(download.suggestedFilename()).toBe('Lånekort _skannet_.png');
    const saved = await download.path();
    const downloaded = await readFile(saved);
    expect(downloaded.byteLength).toBe(content.byteLength);
    expect(sha256(downloaded)).toBe(sha256(content));
  });

  it('says at once that a file over the maximum is too large, and shows the server refusing a type', async () => {
    await page.getByRole('button', { name: 'Upload attachment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload attachment' });
    await dialog.getByLabel(label('File')).setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: png(6 * 1024 * 1024),
    });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    const error = dialog.locator('.ui-field__error');
    await error.waitFor();
    expect(await error.textContent()).toBe('the file is 6.0 MB, larger than the 5.0 MB allowed');

    // 2 MB that are not an allowed type: the server's message, from the streaming endpoint.
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2 * 1024 * 1024)]);
    await dialog.getByLabel(label('File')).setInputFiles({
      name: 'setup.pdf',
      mimeType: 'application/pdf',
      buffer: program,
    });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.getByText(/files of type application\/octet-stream are not allowed/).waitFor();
    await screenshot(page, 'users-attachment-stream-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
