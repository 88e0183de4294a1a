#!/usr/bin/env node
// The `regiekamer` command. Runs the compiled CLI; in a checkout that has not been built yet
// it runs the TypeScript sources through tsx (a development dependency), so `npx regiekamer`
// works straight after `npm ci`.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('Regiekamer is nog niet gebouwd: voer eerst `npm run build` uit.');
    process.exit(1);
  }
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
