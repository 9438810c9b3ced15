import type { Page } from 'playwright-core';

export interface Credentials {
  readonly institution: string;
  readonly username: string;
  readonly password: string;
}

/** Fills the sign-in form the way a person would and submits it. */
export async function submitSignIn(page: Page, credentials: Credentials): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Institution code').fill(credentials.institution);
  await form.getByLabel('Username').fill(credentials.username);
  await form.getByLabel('Password', { exact: true }).fill(credentials.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}
