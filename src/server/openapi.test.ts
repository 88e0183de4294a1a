import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.js';

describe('OpenAPI document', () => {
  it('is generated from the route schemas and matches the committed docs/openapi.json', async () => {
    const generated = await openApiDocument();
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    // On a mismatch: run `npm run openapi` and commit the result.
    expect(generated).toBe(committed);
  });

  it('documents every API route with its error shape', async () => {
    const document = JSON.parse(await openApiDocument()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/providers/{id}');
    for (const [path, operations] of Object.entries(document.paths)) {
      expect(path.startsWith('/api/v1/') || path === '/healthz', path).toBe(true);
      for (const operation of Object.values(operations))
        expect(Object.keys(operation.responses)).toContain('4XX');
    }
  });
});
