import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RETURN_CODE_MEANINGS, returnCodeMeaning } from './return-codes.js';

const ISTANDAARDEN = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));

function publishedCodes(standard: 'iwmo' | 'ijw'): Map<string, string> {
  const text = readFileSync(`${ISTANDAARDEN}${standard}/codelijsten/WJ001_Retourcode.md`, 'utf8');
  const codes = new Map<string, string>();
  for (const match of text.matchAll(/^\| (\w{4}) \| (.+?) \| .+? \| .+? \|$/gm)) {
    const [, code, meaning] = match;
    if (code && meaning && code !== 'Code') codes.set(code, meaning.trim());
  }
  return codes;
}

describe('return codes (WJ001)', () => {
  it('has every code of both standards with its published meaning, and nothing else', () => {
    const published = new Map([...publishedCodes('ijw'), ...publishedCodes('iwmo')]);
    expect(published.size).toBeGreaterThan(40);
    expect(new Set(Object.keys(RETURN_CODE_MEANINGS))).toEqual(new Set(published.keys()));
    for (const [code, meaning] of published) {
      // The two lists word a few meanings slightly differently; each must be one of them.
      const candidates = [publishedCodes('iwmo').get(code), publishedCodes('ijw').get(code)];
      expect(candidates, code).toContain(RETURN_CODE_MEANINGS[code]);
      expect(meaning.length).toBeGreaterThan(0);
    }
  });

  it('explains an unknown code instead of failing', () => {
    expect(returnCodeMeaning('0200')).toBe('Geen opmerking over deze berichtklasse.');
    expect(returnCodeMeaning('7777')).toContain('onbekend');
  });
});
