#!/usr/bin/env node
// The compiled CLI; `npm run build` (or `npm start`) creates it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('Regiekamer is nog niet gebouwd: voer eerst `npm run build` uit.');
  process.exit(1);
}
await import(entry.href);
