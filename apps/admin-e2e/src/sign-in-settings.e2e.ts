import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

/** A field's label, with or without the required marker. */
const label = (text: string) => new RegExp(`^${text}( \\*)?$`);
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

// The administrator sets up OpenID Connect sign-in on the Modules page: the nested settings of the core auth
// module, with the server's field error placed under the nested field. The files share one server, so
// OpenID Connect is turned off again at the end.
describe('sign-in settings', () => {
  let browser: Browser;
  let page: Page;
  let oidcSaved = false;

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });

  afterAll(async () => {
    try {
      if (oidcSaved) await turnOidcOff();
    } finally {
      await browser?.close();
    }
  });

  const { mainNav, heading, toast } = pageParts(() => page);
  const dialog = () => page.getByRole('dialog', { name: 'Sign-in settings' });
  const useOidc = () => dialog().getByRole('checkbox', { name: 'Use OpenID Connect' });
  const field = (name: string): Locator => dialog().getByRole('textbox', { name: label(name) });
  const save = async () => {
    await dialog().getByRole('button', { name: 'Save settings' }).click();
  };

  async function openSignInSettings() {
    await page.goto('/');
    await mainNav().getByRole('link', { name: 'Modules' }).click();
    await heading('Modules').waitFor();
    const row = page.getByRole('row', { name: /^Sign-in and access\b/ });
    await row.getByText('Core (always on)').waitFor();
    await row.getByRole('button', { name: 'Configure Sign-in and access' }).click();
    await dialog().waitFor();
  }

  async function turnOidcOff() {
    await openSignInSettings();
    await useOidc().uncheck();
    await save();
    await toast('Settings of Sign-in and access saved.').waitFor();
    await dialog().waitFor({ state: 'hidden' });
    oidcSaved = false;
  }

  it('offers Configure on the core sign-in module, secrets named as environment variables', async () => {
    await openSignInSettings();
    expect(await dialog().getByText('names of environment variables').isVisible()).toBe(true);
    expect(await useOidc().isChecked()).toBe(false);
    expect(await dialog().getByRole('checkbox', { name: 'Use LDAP' }).isChecked()).toBe(false);
    expect(await field('Issuer').count()).toBe(0);
    await screenshot(page, 'sign-in-settings');

    // LDAP's fields appear when it is turned on; looked at on a phone, then left off.
    const useLdap = dialog().getByRole('checkbox', { name: 'Use LDAP' });
    await useLdap.check();
    await field('Directory URL').waitFor();
    expect(await field('Search filter').inputValue()).toBe('(uid={{login}})');
    await page.setViewportSize(phone);
    await field('Bind password variable').scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-in-settings-ldap-phone');
    await page.setViewportSize(desktop);
    await useLdap.uncheck();
    expect(await field('Directory URL').count()).toBe(0);
  });

  it("turns on OpenID Connect and shows the server's refusal of an http:// issuer under Issuer", async () => {
    await useOidc().check();
    await field('Issuer').fill('http://login.demo.example');
    await field('Client ID').fill('ulms-demo');
    await field('Client secret variable').fill('ULMS_OIDC_SECRET');
    await field('Display name').fill('Demo University login');
    await field('Identifier type').fill('PRIMARY');
    expect(await field('Claim').inputValue()).toBe('sub');
    expect(await field('Scopes').inputValue()).toBe('openid, email, profile');
    await save();

    const issuer = field('Issuer');
    await dialog().locator('input[aria-invalid="true"]').first().waitFor();
    expect(await issuer.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await issuer.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`);
    expect(await error.textContent()).toContain('must use https://');
    expect(await dialog().locator('input[aria-invalid="true"]').count()).toBe(1);
    // Saved from the footer with the issuer scrolled out of view: focus goes to it, so its message is seen.
    expect(await issuer.evaluate((input) => input === document.activeElement)).toBe(true);
    await screenshot(page, 'sign-in-settings-invalid');

    await page.setViewportSize(phone);
    await issuer.scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-in-settings-invalid-phone');
    await page.setViewportSize(desktop);
  });

  it('saves the corrected issuer, and the dialog shows the saved values when opened again', async () => {
    await field('Issuer').fill('https://login.demo.example');
    await save();
    await toast('Settings of Sign-in and access saved.').waitFor();
    await dialog().waitFor({ state: 'hidden' });
    oidcSaved = true;

    await openSignInSettings();
    expect(await useOidc().isChecked()).toBe(true);
    expect(await field('Issuer').inputValue()).toBe('https://login.demo.example');
    expect(await field('Client ID').inputValue()).toBe('ulms-demo');
    expect(await field('Client secret variable').inputValue()).toBe('ULMS_OIDC_SECRET');
    expect(await field('Display name').inputValue()).toBe('Demo University login');
    expect(await field('Identifier type').inputValue()).toBe('PRIMARY');
    expect(await field('Scopes').inputValue()).toBe('openid, email, profile');
    expect(await dialog().getByRole('checkbox', { name: 'Use LDAP' }).isChecked()).toBe(false);
    await screenshot(page, 'sign-in-settings-saved');
    await field('Scopes').scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-in-settings-saved-end');
  });

  it('turns OpenID Connect off again and saves, leaving no sign-in settings', async () => {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    await turnOidcOff();

    await openSignInSettings();
    expect(await useOidc().isChecked()).toBe(false);
    expect(await field('Issuer').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });
});
