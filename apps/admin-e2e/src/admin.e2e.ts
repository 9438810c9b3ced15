import { totpCode } from '@ulms/platform';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { demoAdmin } from './support/demo-admin.js';
import { submitSignIn } from './support/sign-in.js';
import { pageParts } from './support/page-parts.js';

const usersNavLink = 'Find and Manage Users';

// One browser session through the whole journey: each test starts where the previous one stopped.
describe('admin app', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject('baseUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const { dismissToasts, mainNav, heading } = pageParts(() => page);

  it('refuses a wrong password with the generic message', async () => {
    await page.goto('/');
    await heading('Sign in').waitFor();
    await screenshot(page, 'sign-in');

    await submitSignIn(page, { ...demoAdmin, password: `${demoAdmin.password}-wrong` });
    const alert = page.getByRole('alert').filter({ hasText: 'sign-in failed' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('check the institution, username and password');
    expect(await heading('Sign in').isVisible()).toBe(true);
    await screenshot(page, 'sign-in-failed');
  });

  it('signs the demo administrator in', async () => {
    await submitSignIn(page, demoAdmin);
    await heading('Welcome, Demo Administrator').waitFor();
    expect(await mainNav().getByRole('link', { name: 'Modules' }).isVisible()).toBe(true);
    expect(await page.getByText('Demo University Library').first().isVisible()).toBe(true);
    await screenshot(page, 'home');
  });

  it('lists the modules', async () => {
    await mainNav().getByRole('link', { name: 'Modules' }).click();
    await heading('Modules').waitFor();
    await page.getByRole('row').filter({ hasText: 'Sign-in and access' }).waitFor();
    await screenshot(page, 'modules');
  });

  it('disables and re-enables a module, and refuses to disable users, whose records staff sign in as', async () => {
    await mainNav().getByRole('link', { name: 'Modules' }).click();
    await heading('Modules').waitFor();

    // A row's name starts with the module's title; other rows name users only as what they need.
    const usersRow = page.getByRole('row', { name: /^Users\b/ });
    const campusCardRow = page.getByRole('row', { name: /^Campus card\b/ });
    await usersRow.waitFor();
    expect(await mainNav().getByRole('link', { name: usersNavLink }).isVisible()).toBe(true);

    await campusCardRow.getByRole('button', { name: /^Disable/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await campusCardRow.getByText('Disabled').waitFor();

    await usersRow.getByRole('button', { name: /^Disable/ }).click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    await screenshot(page, 'modules-disable-confirm');
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await page.getByText(/would sign out every staff member of this institution, you included/).waitFor();
    await screenshot(page, 'modules-users-disable-refused');
    expect(await usersRow.getByText('Enabled').isVisible()).toBe(true);
    expect(await mainNav().getByRole('link', { name: usersNavLink }).isVisible()).toBe(true);
    // The refusal stays until dismissed; with every shipped module listed it covers the rows at the bottom.
    await dismissToasts();

    await campusCardRow.getByRole('button', { name: /^Enable/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
    await campusCardRow.getByText('Enabled').waitFor();

    await mainNav().getByRole('link', { name: usersNavLink }).click();
    await heading(usersNavLink).waitFor();
  });

  it("configures a module in a dialog that shows the server's field errors", async () => {
    await mainNav().getByRole('link', { name: 'Modules' }).click();
    const configure = page.getByRole('button', { name: 'Configure Users' });
    await configure.click();
    const dialog = page.getByRole('dialog', { name: 'Configure Users' });
    await dialog.waitFor();
    await screenshot(page, 'module-configure');

    const regex = dialog.getByRole('textbox', { name: 'Primary identifier format' });
    await regex.fill('([unclosed');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.locator('input[aria-invalid="true"]').first().waitFor();
    await screenshot(page, 'module-configure-invalid');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await configure.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('creates an API key and shows it once', async () => {
    await mainNav().getByRole('link', { name: 'API keys' }).click();
    await heading('API keys').waitFor();
    await screenshot(page, 'api-keys-empty');

    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Give the key a name').waitFor();
    await screenshot(page, 'api-key-create-invalid');

    await dialog.getByRole('textbox', { name: 'Name' }).fill('Nightly SIS sync');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption('USER_MANAGER');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('It will not be shown again').waitFor();
    await screenshot(page, 'api-key-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'Nightly SIS sync', exact: true }).waitFor();
    await screenshot(page, 'api-keys');
  });

  it('revokes an API key after confirmation', async () => {
    await page.getByRole('button', { name: 'Revoke Nightly SIS sync' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    await screenshot(page, 'api-key-revoke-confirm');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('status').getByText('API key Nightly SIS sync revoked.').waitFor();
    await page.getByText(/^Revoked /).waitFor();
    expect(await page.getByRole('button', { name: 'Revoke Nightly SIS sync' }).count()).toBe(0);
    await screenshot(page, 'api-keys-revoked');
  });

  it('shows the account settings and the start of MFA enrolment', async () => {
    await page.getByRole('button', { name: /Demo Administrator/ }).click();
    await screenshot(page, 'account-menu');
    await page.getByRole('link', { name: 'Account settings' }).click();
    await heading('Account settings').waitFor();
    await screenshot(page, 'account');
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await screenshot(page, 'account-mfa-enrolment');
  });

  let recoveryCode = '';

  it('turns on two-step verification with a code from the app and shows the recovery codes', async () => {
    const secret = (await page.locator('code.secret').textContent()) ?? '';
    await page.getByRole('textbox', { name: 'Code from the app' }).fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await page.getByRole('heading', { name: 'Two-step verification is on' }).waitFor();
    recoveryCode = (await page.locator('.recovery-codes__list code').first().textContent()) ?? '';
    expect(recoveryCode).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    await screenshot(page, 'account-mfa-recovery-codes');
    await page.getByRole('button', { name: 'I have saved the codes' }).click();
    await page.getByRole('form', { name: 'Turn off two-step verification' }).waitFor();
  });

  it('asks for the second step at sign-in and accepts a recovery code', async () => {
    await page.getByRole('button', { name: /Demo Administrator/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await submitSignIn(page, demoAdmin);
    await heading('Two-step verification').waitFor();
    await page.getByRole('textbox', { name: 'Verification code' }).fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('input[name="code"][aria-invalid="true"]').waitFor();
    await screenshot(page, 'sign-in-mfa-wrong-code');

    await page.getByRole('textbox', { name: 'Verification code' }).fill(recoveryCode);
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading('Welcome, Demo Administrator').waitFor();
  });

  it('turns two-step verification off with the password', async () => {
    await page.goto('/account');
    const form = page.getByRole('form', { name: 'Turn off two-step verification' });
    await form.getByLabel('Password', { exact: true }).fill(demoAdmin.password);
    await form.getByRole('button', { name: 'Turn off two-step verification' }).click();
    await page.getByRole('button', { name: 'Set up two-step verification' }).waitFor();
  });

  it('shows the no-access page for an unknown address', async () => {
    await page.goto('/no/such/page');
    await heading('You do not have access to this page').waitFor();
    await screenshot(page, 'no-access');
  });

  it('sends an expired session to sign-in and back to the page afterwards', async () => {
    await page.goto('/modules');
    await heading('Modules').waitFor();
    await page.context().clearCookies();
    await mainNav().getByRole('link', { name: 'API keys' }).click();
    await page.getByText('Your session has expired. Please sign in again.').waitFor();
    await screenshot(page, 'session-expired');

    await submitSignIn(page, demoAdmin);
    await heading('API keys').waitFor();
    expect(new URL(page.url()).pathname).toBe('/api-keys');
  });

  it('signs out, and a reload does not bring the session back', async () => {
    await page.getByRole('button', { name: /Demo Administrator/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Sign in').waitFor();
    await screenshot(page, 'signed-out');

    await page.reload();
    await heading('Sign in').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });
});
