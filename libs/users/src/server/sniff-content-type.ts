const signatures: readonly (readonly [string, readonly number[]])[] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
];
const HEAD_BYTES = Math.max(...signatures.map(([, bytes]) => bytes.length));

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Reads a file's content type from its bytes as they arrive: a signature in the first bytes, else UTF-8 text without NUL, else binary. */
export interface ContentSniffer {
  push(chunk: Uint8Array): void;
  /** The type as soon as the bytes so far decide it (a signature, or bytes that cannot be text); undefined while only the end can tell. */
  early(): string | undefined;
  /** The type of the whole file, once every byte was pushed. */
  result(): string;
}

export function createContentSniffer(): ContentSniffer {
  let head = new Uint8Array(0);
  let binary = false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const signature = () => signatures.find(([, bytes]) => startsWith(head, bytes))?.[0];
  return {
    push(chunk) {
      if (head.length < HEAD_BYTES) {
        const next = new Uint8Array(Math.min(HEAD_BYTES, head.length + chunk.length));
        next.set(head);
        next.set(chunk.subarray(0, next.length - head.length), head.length);
        head = next;
      }
      if (binary) return;
      if (chunk.includes(0)) {
        binary = true;
        return;
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        binary = true;
      }
    },
    early() {
      const found = signature();
      if (found) return found;
      return binary && head.length >= HEAD_BYTES ? 'application/octet-stream' : undefined;
    },
    result() {
      const found = signature();
      if (found) return found;
      if (binary) return 'application/octet-stream';
      try {
        decoder.decode();
        return 'text/plain';
      } catch {
        return 'application/octet-stream';
      }
    },
  };
}

/** The content type of a file from its first bytes; never from its name. */
export function sniffContentType(bytes: Uint8Array): string {
  const sniffer = createContentSniffer();
  sniffer.push(bytes);
  return sniffer.result();
}
