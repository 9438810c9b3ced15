import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAdminSession } from './support/admin-session.js';
import { screenshot } from './support/browser.js';
import { pageParts } from './support/page-parts.js';

/** A field's label, with or without the required marker. */
const label = (text: string) => new RegExp(`^${text}( \\*)?$`);

// The user forms as a desk operator meets them: a warning before edits are lost, contact entries, notes.
describe('user forms', () => {
  let browser: Browser;
  let page: Page;
  let userUrl = '';

  beforeAll(async () => {
    ({ browser, page } = await openAdminSession(inject('baseUrl')));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const { mainNav, heading, tab, toast } = pageParts(() => page);
  const leaveDialog = () => page.getByRole('dialog', { name: 'Leave without saving?' });
  const firstName = () => page.getByLabel(label('First name'));

  async function bothWidths(name: string) {
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `${name}-390`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  it('adds a user with one email', async () => {
    await page.goto('/users/new');
    await heading('Add user').waitFor();
    await page.getByRole('radio', { name: 'Public' }).check();
    await page.getByLabel('Primary identifier').fill('e2e-forms-1');
    await firstName().fill('Grace');
    await page.getByLabel(label('Last name')).fill('Formfield');
    await page.getByLabel('User group').selectOption({ label: 'Undergraduate' });
    await page.getByLabel(label('Email address')).fill('grace.formfield@example.org');
    await page
      .getByRole('group', { name: /Email types/ })
      .getByRole('checkbox')
      .first()
      .check();
    await bothWidths('forms-add-user');
    // Add user holds typed text too: Cancel asks before dropping it.
    await page.getByRole('link', { name: 'Cancel' }).click();
    await leaveDialog().getByRole('button', { name: 'Stay' }).click();
    await leaveDialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading('Formfield, Grace').waitFor();
    userUrl = page.url();
  });

  it('warns before a tab change drops an edit: Stay keeps it, Leave drops it', async () => {
    await firstName().fill('Gracie');
    await tab('Contact information').click();
    await leaveDialog().waitFor();
    await leaveDialog().getByRole('button', { name: 'Stay' }).click();
    await leaveDialog().waitFor({ state: 'detached' });
    expect(await tab('General information').getAttribute('aria-selected')).toBe('true');
    expect(await firstName().inputValue()).toBe('Gracie');

    await tab('Contact information').click();
    await leaveDialog().getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('heading', { level: 2, name: 'Email addresses' }).waitFor();
    expect(page.url()).toContain('tab=contact');
    await tab('General information').click();
    expect(await firstName().inputValue()).toBe('Grace');
  });

  it('warns before the side navigation leaves a dirty form', async () => {
    await firstName().fill('Gracie');
    await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
    await leaveDialog().waitFor();
    await screenshot(page, 'forms-leave-without-saving');
    await leaveDialog().getByRole('button', { name: 'Stay' }).click();
    expect(page.url()).toBe(userUrl);
    expect(await firstName().inputValue()).toBe('Gracie');
  });

  it('lets the browser ask before a reload drops a dirty form', async () => {
    const asked = page.waitForEvent('dialog');
    void page.reload({ timeout: 3_000 }).catch(() => undefined);
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(await firstName().inputValue()).toBe('Gracie');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await firstName().inputValue()).toBe('Grace');
  });

  it('offers a second email as not preferred, and checks the address whether or not a type is ticked', async () => {
    await tab('Contact information').click();
    await page.getByRole('button', { name: 'Add email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add email' });
    expect(await dialog.getByRole('checkbox', { name: 'Preferred email' }).isChecked()).toBe(false);
    await dialog.getByLabel(label('Email address')).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save email' }).click();
    const address = dialog.getByLabel(label('Email address'));
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await address.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(messages).toContain('is not a valid email address');
    await dialog.getByText('choose at least one type').waitFor();
    await screenshot(page, 'forms-invalid-email');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await leaveDialog().getByRole('button', { name: 'Leave' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('checks an identifier against its type’s format (an ORCID check digit) under the field', async () => {
    await tab('Identifiers').click();
    await page.getByRole('button', { name: 'Add identifier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add identifier' });
    await dialog.getByLabel(label('Identifier type')).selectOption({ label: 'ORCID' });
    await dialog.getByLabel(label('Identifier value')).fill('0000-0002-1825-0098');
    await dialog.getByRole('button', { name: 'Save identifier' }).click();
    await dialog.getByText(/is not a valid ORCID iD/).waitFor();
    await dialog.getByLabel(label('Identifier value')).fill('0000-0002-1825-0097');
    await dialog.getByRole('button', { name: 'Save identifier' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '0000-0002-1825-0097' }).waitFor();
  });

  it('edits a note', async () => {
    await tab('Notes').click();
    await page.getByRole('button', { name: 'Add note' }).click();
    const adding = page.getByRole('dialog', { name: 'Add note' });
    await adding.getByLabel(label('Note')).fill('Card left at the desk');
    await adding.getByRole('button', { name: 'Add and close' }).click();
    await adding.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit note “Card left at the desk”' }).click();
    const editing = page.getByRole('dialog', { name: 'Edit note' });
    expect(await editing.getByLabel(label('Note')).inputValue()).toBe('Card left at the desk');
    await editing.getByLabel(label('Note')).fill('Card collected on Monday');
    await editing.getByRole('button', { name: 'Save note' }).click();
    await toast('Note saved.').waitFor();
    await page.getByRole('cell', { name: 'Card collected on Monday', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: 'Card left at the desk', exact: true }).count()).toBe(0);
  });

  it('shows General information of an internal and an external user', async () => {
    await page.goto(userUrl);
    await heading('Formfield, Grace').waitFor();
    await page.getByText('Status date').waitFor();
    await page.getByText('Last patron activity').waitFor();
    // The preferred language comes from the languages list, not free text.
    await page.getByLabel('Preferred language').selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast('General information saved.').waitFor();
    expect(await page.getByLabel('Preferred language').inputValue()).toBe('en');
    await bothWidths('forms-general-internal');

    const external = await page.evaluate(async () => {
      const input = encodeURIComponent(JSON.stringify({ json: { account: 'EXTERNAL', pageSize: 1 } }));
      const answer = (await (await fetch(`/trpc/users.search?input=${input}`)).json()) as {
        result: { data: { json: { rows: { id: string }[] } } };
      };
      return answer.result.data.json.rows[0]?.id;
    });
    expect(external).toBeTruthy();
    await page.goto(`/users/${external}`);
    await page.getByText('This user is managed by the Student Information System').waitFor();
    // A field the SIS owns is shown read-only, with the reason under it.
    expect(await firstName().getAttribute('readonly')).not.toBeNull();
    await page.getByText('Set by the SIS').first().waitFor();
    await bothWidths('forms-general-external');
  });
});
