import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { demoAdmin } from './support/demo-admin.js';
import { pageParts } from './support/page-parts.js';
import { submitSignIn } from './support/sign-in.js';

/**
 * Pages another site could serve: here another port of the same host, which is the same *site* as the admin app,
 * so the browser sends the SameSite=Lax session cookie along with what they post.
 */
function attackerPages(target: string): Record<string, string> {
  const purge = `${target}/trpc/users.purge`;
  const autoSubmit = '<script>document.forms[0].submit()</script>';
  return {
    // The reported attack: a multipart form, auto-submitted.
    '/multipart': `<form method="post" action="${purge}" enctype="multipart/form-data"><input name="json" value="null"></form>${autoSubmit}`,
    // A text/plain form whose body reads as JSON: {"json":null,"x":"="}
    '/text-plain': `<form method="post" action="${purge}" enctype="text/plain"><input name='{"json":null,"x":"' value='"}'></form>${autoSubmit}`,
    '/urlencoded': `<form method="post" action="${purge}"><input name="json" value="null"></form>${autoSubmit}`,
    // Script: a "simple" request needs no preflight; a JSON one does, and no server grants it.
    '/fetch': `<script>
      const sent = [];
      const post = (type, mode) =>
        fetch('${purge}', { method: 'POST', mode, credentials: 'include', headers: { 'content-type': type }, body: '{"json":null}' })
          .then((r) => sent.push(type + ' ' + r.type + ' ' + r.status), (e) => sent.push(type + ' refused: ' + e.message));
      Promise.all([post('text/plain', 'no-cors'), post('application/json', 'cors')]).then(() => {
        document.body.textContent = sent.sort().join('\\n');
        document.title = 'done';
      });
    </script>`,
  };
}

async function startAttacker(target: string): Promise<{ server: Server; origin: string }> {
  const pages = attackerPages(target);
  const server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    response.writeHead(page ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
    });
    response.end(page ? `<!doctype html><title>win a prize</title><body>${page}</body>` : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

describe('cross-site requests against a signed-in administrator', () => {
  let browser: Browser;
  let page: Page;
  let attacker: { server: Server; origin: string };
  const violations: string[] = [];
  const { heading, mainNav } = pageParts(() => page);

  beforeAll(async () => {
    const baseUrl = inject('baseUrl');
    attacker = await startAttacker(baseUrl);
    browser = await launchBrowser();
    page = await openPage(browser, baseUrl);
    // Every page of the session, sign-in included, reports what the Content-Security-Policy blocked.
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        ),
      );
    });
    await page.goto('/');
    await submitSignIn(page, demoAdmin);
    await heading(/^Welcome/).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.server.close(resolve));
  });

  /** How many purge jobs the institution has, asked by the admin app's own page (same origin). */
  const purgeJobs = () =>
    page.evaluate(async () => {
      const input = encodeURIComponent(JSON.stringify({ json: { limit: 50 } }));
      const response = await fetch(`/trpc/platform.jobs.list?input=${input}`);
      const body = (await response.json()) as {
        result: { data: { json: { type: string }[] } };
      };
      return body.result.data.json.filter((job) => job.type === 'users.purge').length;
    });

  it('does not start a purge from auto-submitted forms or scripts of another port', async () => {
    const before = await purgeJobs();
    const evil = await page.context().newPage();
    for (const form of ['/multipart', '/text-plain', '/urlencoded']) {
      const answer = evil.waitForResponse((r) => r.url().endsWith('/trpc/users.purge'));
      await evil.goto(`${attacker.origin}${form}`);
      const response = await answer;
      expect([415, 403], form).toContain(response.status());
      await evil.waitForLoadState();
      if (form === '/multipart') await screenshot(evil, 'csrf-multipart-form-refused');
    }
    const sent: string[] = [];
    evil.on('request', (r) => {
      if (r.url().endsWith('/trpc/users.purge')) sent.push(`${r.method()} ${r.headers()['content-type'] ?? ''}`);
    });
    await evil.goto(`${attacker.origin}/fetch`);
    await evil.waitForFunction(() => document.title === 'done');
    // The page learns nothing (Cross-Origin-Resource-Policy hides even the simple request's answer)...
    expect(await evil.locator('body').textContent()).toBe(
      'application/json refused: Failed to fetch\ntext/plain refused: Failed to fetch',
    );
    // ...though the browser did send the simple text/plain request (with the session cookie): the server refused it.
    expect(sent).toContain('POST text/plain');
    await evil.close();

    expect(await purgeJobs()).toBe(before);
  });

  it('still works itself, with no Content-Security-Policy violations', async () => {
    await page.goto('/');
    await heading(/^Welcome/).waitFor();
    await mainNav().getByRole('link', { name: 'Find and Manage Users' }).click();
    await heading('Find and Manage Users').waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await screenshot(page, 'csp-users-list');
    await mainNav().getByRole('link', { name: 'Jobs' }).click();
    await heading('Jobs').waitFor();

    // A mutation from the app's own page goes through: the purge starts.
    const before = await purgeJobs();
    const started = await page.evaluate(async () => {
      const response = await fetch('/trpc/users.purge', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: null }),
      });
      return response.status;
    });
    expect(started).toBe(200);
    expect(await purgeJobs()).toBe(before + 1);
    await screenshot(page, 'csp-jobs');

    // The REST reference page, under its own policy (its inline style by hash).
    await page.goto('/almaws/v1/docs');
    await page.getByRole('heading', { level: 1, name: /ULMS REST API/ }).waitFor();
    expect(
      await page
        .locator('.method')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(34, 51, 68)');
    await screenshot(page, 'csp-rest-docs');
    expect(violations).toEqual([]);
  });
});
