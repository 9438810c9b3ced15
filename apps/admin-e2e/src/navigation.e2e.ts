import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, screenshot } from './support/browser.js';
import { openAdminSession } from './support/admin-session.js';
import { demoAdmin } from './support/demo-admin.js';
import { pageParts } from './support/page-parts.js';
import { submitSignIn } from './support/sign-in.js';

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
const tablet = { width: 768, height: 1024 };

// Addresses carry the page's state (User Details' tab, the search), so reload and back/forward keep it; pages
// name themselves in the browser tab; on a phone the navigation waits behind the Menu button.
describe('navigation', () => {
  let browser: Browser;
  let page: Page;
  let userAddress = '';
  let userName = '';

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const { mainNav, heading, tab } = pageParts(() => page);
  const pathAndSearch = () => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  };
  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function findUsers() {
    await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
    await heading('Find and Manage Users').waitFor();
  }

  it('names the start page and Find and Manage Users in the browser tab', async () => {
    expect(await page.title()).toBe('Start · ULMS');
    await screenshot(page, 'router-home-desktop');
    await findUsers();
    expect(await page.title()).toBe('Find and Manage Users · ULMS');
  });

  it('keeps a search through reload, back and forward', async () => {
    const before = pathAndSearch();
    const search = page.getByRole('search', { name: 'Find users' });
    await search.getByLabel('Search by').selectOption('name');
    await search.getByLabel('Search users').fill('a');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.search.length > 1 && url.pathname === '/users');
    const searched = pathAndSearch();
    expect(searched).not.toBe(before);

    await page.reload();
    await heading('Find and Manage Users').waitFor();
    expect(pathAndSearch()).toBe(searched);
    expect(await page.getByRole('search', { name: 'Find users' }).getByLabel('Search users').inputValue()).toBe('a');

    await page.goBack();
    await page.waitForURL((url) => url.pathname + url.search === before);
    await page.goForward();
    await page.waitForURL((url) => url.pathname + url.search === searched);
    expect(await page.getByRole('search', { name: 'Find users' }).getByLabel('Search users').inputValue()).toBe('a');
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await screenshot(page, 'router-users-desktop');
  });

  it('names User Details after the user and keeps its tab in the address', async () => {
    const link = page.getByRole('table').getByRole('link').first();
    userName = (await link.textContent()) ?? '';
    await link.click();
    await heading(userName).waitFor();
    userAddress = new URL(page.url()).pathname;
    expect(userAddress).toMatch(/^\/users\/[0-9a-f-]{36}$/);
    expect(await page.title()).toBe(`${userName} · ULMS`);
    expect(await tab('General information').getAttribute('aria-selected')).toBe('true');

    await tab('Notes').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'notes');
    await page.reload();
    await heading(userName).waitFor();
    expect(await tab('Notes').getAttribute('aria-selected')).toBe('true');

    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Find and Manage Users' })
      .click();
    await heading('Find and Manage Users').waitFor();
    await page.goBack();
    await heading(userName).waitFor();
    expect(await tab('Notes').getAttribute('aria-selected')).toBe('true');
    expect(pathAndSearch()).toBe(`${userAddress}?tab=notes`);
    await tab('General information').click();
    await page.waitForURL((url) => !url.searchParams.has('tab'));
    await screenshot(page, 'router-details-desktop');

    // A tab the page does not have (an old or mistyped link) opens General information.
    await page.goto(`${userAddress}?tab=bogus`);
    await heading(userName).waitFor();
    expect(await tab('General information').getAttribute('aria-selected')).toBe('true');
  });

  it('sends a signed-out visitor to "Sign in" and back to the page they asked for', async () => {
    const visitor = await openPage(browser, inject('baseUrl'));
    try {
      await visitor.goto(`${userAddress}?tab=notes`);
      await visitor.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      const url = new URL(visitor.url());
      expect(url.pathname).toBe('/sign-in');
      expect(url.searchParams.get('next')).toBe(`${userAddress}?tab=notes`);
      expect(await visitor.title()).toBe('Sign in · ULMS');

      await submitSignIn(visitor, demoAdmin);
      await visitor.getByRole('heading', { level: 1, name: userName }).waitFor();
      expect(await visitor.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true');
    } finally {
      await visitor.context().close();
    }
  });

  it("moves an old ?user= address to the user's own page, and never follows ?next= to another site", async () => {
    const id = userAddress.split('/').at(-1) ?? '';
    await page.goto(`/users?user=${id}`);
    await heading(userName).waitFor();
    expect(pathAndSearch()).toBe(userAddress);

    await page.goto('/sign-in?next=//evil.example/users');
    await heading(/Welcome/).waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(inject('baseUrl')).origin);
    expect(pathAndSearch()).toBe('/');
  });

  it('folds the navigation behind the Menu button on a phone, and no page is wider than the screen', async () => {
    await page.setViewportSize(phone);
    await page.goto('/');
    await heading(/Welcome/).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.isVisible()).toBe(true);
    expect(await mainNav().isVisible()).toBe(false);
    expect(await fitsTheScreen()).toBe(true);
    await screenshot(page, 'router-home-phone');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await findUsers();
    expect(await mainNav().isVisible()).toBe(false);
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await screenshot(page, 'router-users-phone');

    await page.goto(userAddress);
    await heading(userName).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    // Nothing is drawn over the user's name: the element at the heading's centre is the heading itself.
    const uncovered = await heading(userName).evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
      return top !== null && element.contains(top);
    });
    expect(uncovered).toBe(true);
    await screenshot(page, 'router-details-phone');
  });

  it('keeps a tablet usable: the page fits and the navigation opens from the Menu button', async () => {
    await page.setViewportSize(tablet);
    await page.goto('/users');
    await heading('Find and Manage Users').waitFor();
    expect(await fitsTheScreen()).toBe(true);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await mainNav().isVisible()).toBe(true);
    // A click beside it folds it; Escape inside it too, giving focus back to the Menu button.
    await page.mouse.click(tablet.width - 40, tablet.height / 2);
    expect(await mainNav().isVisible()).toBe(false);
    await menu.click();
    await mainNav().getByRole('link', { name: 'Jobs' }).focus();
    await page.keyboard.press('Escape');
    expect(await mainNav().isVisible()).toBe(false);
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.setViewportSize(desktop);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await mainNav().isVisible()).toBe(true);
  });
});
