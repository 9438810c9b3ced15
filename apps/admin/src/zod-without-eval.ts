import { config } from 'zod';

// Imported first by main.tsx, before any module parses with zod. The server's Content-Security-Policy has no
// 'unsafe-eval': zod is told not to try `new Function` (which the browser reports as a violation) and validates
// the same way without it.
config({ jitless: true });
