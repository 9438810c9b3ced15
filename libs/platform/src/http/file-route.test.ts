import { describe, expect, it } from 'vitest';
import { contentDisposition } from './file-route.js';

describe('Content-Disposition of a download (RFC 6266)', () => {
  it('gives an ASCII name for old clients and the exact name in UTF-8', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('Lånekort "2026" (kopi)*.png')).toBe(
      `attachment; filename="L_nekort _2026_ (kopi)*.png"; filename*=UTF-8''L%C3%A5nekort%20%222026%22%20%28kopi%29%2A.png`,
    );
  });

  it('never lets a name end the header or add a parameter', () => {
    const header = contentDisposition('a\r\nSet-Cookie: x=1; filename="evil.exe"\\%');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a__Set-Cookie: x=1; filename=_evil.exe___"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1%3B%20filename%3D%22evil.exe%22%5C%25`,
    );
    expect(contentDisposition('')).toBe(`attachment; filename="download"; filename*=UTF-8''`);
  });
});
