import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EFFORT_UNITS,
  OUTPUT_UNITS,
  UNITS,
  WMO_PRODUCT_CATEGORIES,
  YOUTH_PRODUCT_CATEGORIES,
} from './istandaard-codes.js';

const ROOT = new URL('../../../shared/istandaarden/', import.meta.url);

/** The `| code | description |` rows of a published code list. */
function codeList(path: string): { code: string; description: string }[] {
  const text = readFileSync(new URL(path, ROOT), 'utf8');
  const rows: { code: string; description: string }[] = [];
  for (const line of text.split('\n')) {
    const match = /^\|\s*([0-9]{2})\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (match?.[1] && match[2]) rows.push({ code: match[1], description: match[2] });
  }
  return rows;
}

describe('iStandaard code lists, compared with the published 3.2 lists', () => {
  it('has every iWmo product category (WMO020)', () => {
    expect(WMO_PRODUCT_CATEGORIES).toEqual(codeList('iwmo/codelijsten/WMO020_Productcategorie.md'));
  });

  it('has the current iJw product categories (JZ020), without the expired 2015 ones', () => {
    const published = codeList('ijw/codelijsten/JZ020_Productcategorie').filter(
      (c) => !c.description.startsWith('(2015)'),
    );
    expect(YOUTH_PRODUCT_CATEGORIES).toEqual(published);
  });

  it('has every unit (WJ756), for both standards', () => {
    expect(UNITS).toEqual(codeList('iwmo/codelijsten/WJ756_Eenheid.md'));
    expect(UNITS).toEqual(codeList('ijw/codelijsten/WJ756_Eenheid.md'));
  });

  it('derives the units per execution variant from the published variant tables', () => {
    const text = readFileSync(new URL('iwmo/Uitvoeringsvarianten_inspanning-output.md', ROOT), 'utf8');
    const [effortPart = '', outputPart = ''] = text.split('## Outputgericht');
    const unitsIn = (part: string) =>
      new Set(
        [...part.matchAll(/^\|Specifiek[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|([^|]+)\|/gm)].map((m) =>
          (m[1] ?? '').trim().toLowerCase().replace('’', "'").replace(/\s+/g, ''),
        ),
      );
    const label = (code: string) =>
      (UNITS.find((u) => u.code === code)?.description ?? '')
        .toLowerCase()
        .replace(' (4 uur)', '')
        .replace(/\s+/g, '');
    expect(new Set(EFFORT_UNITS.map(label))).toEqual(unitsIn(effortPart));
    expect(new Set(OUTPUT_UNITS.map(label))).toEqual(unitsIn(outputPart));
  });
});
