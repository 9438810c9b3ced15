import { describe, expect, it } from 'vitest';
import { createContentSniffer, sniffContentType } from './sniff-content-type.js';

const streamed = (bytes: Uint8Array, chunkSize: number) => {
  const sniffer = createContentSniffer();
  for (let i = 0; i < bytes.length; i += chunkSize) sniffer.push(bytes.subarray(i, i + chunkSize));
  return sniffer.result();
};

describe('content type from the bytes as they arrive', () => {
  const cases: [string, Uint8Array, string][] = [
    ['PDF', new TextEncoder().encode('%PDF-1.7 rest'), 'application/pdf'],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1]), 'image/png'],
    ['UTF-8 text', new TextEncoder().encode('Lånekort for Åse 🙂 '.repeat(50)), 'text/plain'],
    ['empty', new Uint8Array(0), 'text/plain'],
    [
      'text then a NUL',
      new Uint8Array([...new TextEncoder().encode('abc'.repeat(100)), 0]),
      'application/octet-stream',
    ],
    [
      'text then bad UTF-8',
      new Uint8Array([...new TextEncoder().encode('abc'.repeat(100)), 0xff]),
      'application/octet-stream',
    ],
    ['a cut-off character at the end', new TextEncoder().encode('abcå').subarray(0, 4), 'application/octet-stream'],
  ];
  it.each(cases)('%s: the same in one piece and in chunks of any size', (_name, bytes, type) => {
    expect(sniffContentType(bytes)).toBe(type);
    for (const size of [1, 2, 3, 7, 4096]) expect(streamed(bytes, size)).toBe(type);
  });

  it('knows early from a signature or from bytes that cannot be text, and waits for the end of text', () => {
    const png = createContentSniffer();
    png.push(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.early()).toBe('image/png');
    const program = createContentSniffer();
    program.push(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
    expect(program.early()).toBe('application/octet-stream');
    const text = createContentSniffer();
    text.push(new TextEncoder().encode('plain words'));
    expect(text.early()).toBeUndefined();
  });
});
