import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}pre{background:#f5f5f5;padding:.5rem;overflow:auto}.method{background:#234;color:#fff;padding:0 .4rem;border-radius:3px}section{border-top:1px solid #ddd;margin-top:1.5rem}';

/** The page's Content-Security-Policy: its one inline style allowed by hash, nothing else loaded or run. */
export const OPENAPI_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pre = (value: unknown): string => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function operationHtml(path: string, method: string, operation: Json): string {
  const parameters = (operation['parameters'] as Json[] | undefined) ?? [];
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p['name']))}</code></td><td>${escapeHtml(String(p['in']))}</td><td>${p['required'] ? 'yes' : ''}</td><td>${escapeHtml(String(p['description'] ?? ''))}</td><td><code>${escapeHtml(JSON.stringify(p['schema']))}</code></td></tr>`,
    )
    .join('');
  const body = (operation['requestBody'] as Json | undefined)?.['content'] as Json | undefined;
  const responses = Object.entries((operation['responses'] as Json | undefined) ?? {})
    .map(
      ([status, response]) =>
        `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(String((response as Json)['description'] ?? ''))}</li>`,
    )
    .join('');
  return `<section id="${escapeHtml(String(operation['operationId']))}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(operation['summary'] ?? ''))}</p>
<p>${escapeHtml(String(operation['description'] ?? ''))}</p>
${rows ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>description</th><th>schema</th></tr>${rows}</table>` : ''}
${body ? `<details><summary>Request body (JSON; XML in the same shape)</summary>${pre((body['application/json'] as Json)['schema'])}</details>` : ''}
<ul>${responses}</ul>
</section>`;
}

/** A self-contained HTML reference page rendered from an OpenAPI document (no scripts, no CDN). */
export function openApiPage(document: Json): string {
  const info = document['info'] as Json;
  const title = escapeHtml(String(info['title']));
  const operations = Object.entries(document['paths'] as Record<string, Record<string, Json>>).flatMap(
    ([path, methods]) => Object.entries(methods).map(([method, operation]) => operationHtml(path, method, operation)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${STYLE}</style>
</head><body>
<h1>${title} <small>${escapeHtml(String(info['version']))}</small></h1>
<p>Authenticate with the header <code>Authorization: apikey KEY</code> or the parameter <code>apikey=KEY</code>. Answers are JSON, or XML with <code>Accept: application/xml</code> or <code>format=xml</code>. The machine-readable document is <a href="openapi.json">openapi.json</a>. Errors:</p>
${pre((document['components'] as Json)['schemas'])}
${operations.join('\n')}
</body></html>`;
}
