#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, resolved from this package, so `npx ulms` works from anywhere.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
