import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { residentBody } from '../registry/registry-schema.js';
import { type DemoMunicipality, type GeoJsonPolygon, generateDemoMunicipality } from './demo-generator.js';

type Point = [number, number];

// The product validates the demo data with the same rules; these lists mirror the iStandaarden.
const WMO_CATEGORIES = Array.from({ length: 18 }, (_, index) => String(index + 1).padStart(2, '0'));
const YOUTH_CATEGORIES = Array.from({ length: 16 }, (_, index) => String(40 + index));
const UNITS = ['01', '04', '14', '16', '82', '83', '84'];
const EFFORT_UNITS = ['01', '04', '14', '16', '84'];
const OUTPUT_UNITS = ['82', '83'];
// Real Dutch municipalities and places whose names resemble the fictional one.
const REAL_LOOKALIKES = [
  'Lingewaard',
  'Dijk en Waard',
  'Albrandswaard',
  'Hoeksche Waard',
  'Krimpenerwaard',
  'Nissewaard',
  'Valkenswaard',
  'Leeuwarden',
  'Lindenholt',
];

function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (bsn.charCodeAt(i) - 48) * (i === 8 ? -1 : 9 - i);
  return sum % 11 === 0;
}

function ringOf(geometry: GeoJsonPolygon): Point[] {
  expect(geometry.type).toBe('Polygon');
  expect(geometry.coordinates).toHaveLength(1);
  return geometry.coordinates[0] ?? [];
}

function pointAt(ring: readonly Point[], index: number): Point {
  const point = ring[index];
  if (point === undefined) throw new RangeError(`no point ${index}`);
  return point;
}

/** Shoelace area in square degrees; positive for counter-clockwise rings. */
function signedArea(ring: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = pointAt(ring, i);
    const [x2, y2] = pointAt(ring, i + 1);
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

const orientation = (a: Point, b: Point, c: Point): number =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

// Rounding noise on these coordinates is ~1e-15; real turns are many orders larger.
const COLLINEAR = 1e-12;

function segmentsTouch(p1: Point, p2: Point, p3: Point, p4: Point): boolean {
  // Disjoint boxes first, so two separate pieces of one straight edge never count as touching.
  if (
    Math.max(p1[0], p2[0]) < Math.min(p3[0], p4[0]) ||
    Math.max(p3[0], p4[0]) < Math.min(p1[0], p2[0]) ||
    Math.max(p1[1], p2[1]) < Math.min(p3[1], p4[1]) ||
    Math.max(p3[1], p4[1]) < Math.min(p1[1], p2[1])
  ) {
    return false;
  }
  const d1 = orientation(p3, p4, p1);
  const d2 = orientation(p3, p4, p2);
  const d3 = orientation(p1, p2, p3);
  const d4 = orientation(p1, p2, p4);
  const strictlyOpposite = (a: number, b: number) =>
    (a > COLLINEAR && b < -COLLINEAR) || (a < -COLLINEAR && b > COLLINEAR);
  if (strictlyOpposite(d1, d2) && strictlyOpposite(d3, d4)) return true;
  // A (near-)zero orientation means an endpoint lies on the other segment's line; it touches
  // only when it also lies within that segment.
  const within = (a: Point, b: Point, p: Point) =>
    p[0] >= Math.min(a[0], b[0]) &&
    p[0] <= Math.max(a[0], b[0]) &&
    p[1] >= Math.min(a[1], b[1]) &&
    p[1] <= Math.max(a[1], b[1]);
  return (
    (Math.abs(d1) <= COLLINEAR && within(p3, p4, p1)) ||
    (Math.abs(d2) <= COLLINEAR && within(p3, p4, p2)) ||
    (Math.abs(d3) <= COLLINEAR && within(p1, p2, p3)) ||
    (Math.abs(d4) <= COLLINEAR && within(p1, p2, p4))
  );
}

function isSimpleRing(ring: readonly Point[]): boolean {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue; // the first and last edge share the closing vertex
      if (segmentsTouch(pointAt(ring, i), pointAt(ring, i + 1), pointAt(ring, j), pointAt(ring, j + 1))) {
        return false;
      }
    }
  }
  return true;
}

const key = (point: Point): string => `${point[0]},${point[1]}`;

function directedEdges(ring: readonly Point[]): string[] {
  const edges: string[] = [];
  for (let i = 0; i < ring.length - 1; i++)
    edges.push(`${key(pointAt(ring, i))}>${key(pointAt(ring, i + 1))}`);
  return edges;
}

const reversed = (edge: string): string => edge.split('>').reverse().join('>');

/**
 * Edges of a set of polygons that no neighbour runs along in the opposite direction: the outline
 * of their union. A directed edge used twice would mean two polygons overlap.
 */
function outlineEdges(rings: readonly (readonly Point[])[]): Set<string> {
  const all = rings.flatMap(directedEdges);
  const unique = new Set(all);
  expect(unique.size, 'a directed edge used twice: polygons overlap').toBe(all.length);
  return new Set(all.filter((edge) => !unique.has(reversed(edge))));
}

/** Chains outline edges into one closed ring; fails when they form several rings or none. */
function chainOutline(edges: ReadonlySet<string>): Point[] {
  const next = new Map<string, string>();
  for (const edge of edges) {
    const [from, to] = edge.split('>');
    if (from === undefined || to === undefined) throw new Error(`bad edge ${edge}`);
    expect(next.has(from), 'outline passes a vertex twice').toBe(false);
    next.set(from, to);
  }
  const [start] = next.keys();
  if (start === undefined) throw new Error('empty outline');
  const ring: string[] = [start];
  let current = next.get(start);
  while (current !== undefined && current !== start && ring.length <= edges.size) {
    ring.push(current);
    current = next.get(current);
  }
  expect(current, 'outline is not closed').toBe(start);
  expect(ring.length, 'outline consists of more than one ring').toBe(edges.size);
  return [...ring, start].map((point) => point.split(',').map(Number) as Point);
}

function expectValidPolygon(label: string, geometry: GeoJsonPolygon): void {
  const ring = ringOf(geometry);
  expect(ring.length, `${label}: at least 4 points`).toBeGreaterThanOrEqual(4);
  expect(ring[0], `${label}: ring closed`).toEqual(ring[ring.length - 1]);
  const outside = ring.filter(([lon, lat]) => !(lon >= 5 && lon <= 5.2 && lat >= 52 && lat <= 52.1));
  expect(outside, `${label}: within lon 5.0–5.2, lat 52.0–52.1`).toEqual([]);
  const edges = directedEdges(ring);
  expect(
    edges.every((edge) => edge !== reversed(edge)),
    `${label}: no repeated consecutive point`,
  ).toBe(true);
  expect(signedArea(ring), `${label}: counter-clockwise exterior ring`).toBeGreaterThan(0);
  expect(isSimpleRing(ring), `${label}: no self-intersection`).toBe(true);
}

function expectValidMunicipality(m: DemoMunicipality): void {
  expect(m.municipality.code).toBe('9901');
  expect(m.municipality.name).toMatch(/^[A-Z][a-z]+$/);
  expect(REAL_LOOKALIKES).not.toContain(m.municipality.name);
  const total = m.neighbourhoods.reduce((sum, neighbourhood) => sum + neighbourhood.population, 0);
  expect(m.municipality.population).toBe(total);
  expect(total).toBeGreaterThanOrEqual(45_000);
  expect(total).toBeLessThanOrEqual(55_000);
}

function expectValidGeography(m: DemoMunicipality): void {
  expect(m.districts.map((district) => district.code)).toEqual(
    Array.from({ length: 8 }, (_, index) => `WK9901${String(index + 1).padStart(2, '0')}`),
  );
  expect(new Set(m.districts.map((district) => district.name)).size).toBe(8);
  expect(m.neighbourhoods.length).toBeGreaterThanOrEqual(26);
  expect(m.neighbourhoods.length).toBeLessThanOrEqual(34);
  expect(new Set(m.neighbourhoods.map((neighbourhood) => neighbourhood.name)).size).toBe(
    m.neighbourhoods.length,
  );
  for (const district of m.districts) {
    const own = m.neighbourhoods.filter((neighbourhood) => neighbourhood.districtCode === district.code);
    expect(own.length, district.code).toBeGreaterThanOrEqual(3);
    expect(own.length, district.code).toBeLessThanOrEqual(5);
    expect(own.map((neighbourhood) => neighbourhood.code)).toEqual(
      own.map((_, index) => `${district.code.replace('WK', 'BU')}${String(index + 1).padStart(2, '0')}`),
    );
  }
  for (const neighbourhood of m.neighbourhoods) {
    expect(neighbourhood.code).toMatch(/^BU9901\d{4}$/);
    expect(Number.isInteger(neighbourhood.population) && neighbourhood.population > 0).toBe(true);
  }
  const populations = m.neighbourhoods.map((neighbourhood) => neighbourhood.population);
  expect(Math.min(...populations), 'some small neighbourhoods').toBeLessThan(1000);
  expect(Math.max(...populations), 'some large neighbourhoods').toBeGreaterThan(2500);

  for (const district of m.districts) expectValidPolygon(district.code, district.geometry);
  for (const neighbourhood of m.neighbourhoods)
    expectValidPolygon(neighbourhood.code, neighbourhood.geometry);

  // Districts tile the municipality: their outline is one ring whose area is the sum of theirs.
  const districtRings = m.districts.map((district) => ringOf(district.geometry));
  const outline = outlineEdges(districtRings);
  const districtAreaSum = districtRings.reduce((sum, ring) => sum + signedArea(ring), 0);
  expect(relativeDifference(signedArea(chainOutline(outline)), districtAreaSum)).toBeLessThan(1e-9);

  // Each district's neighbourhoods tile it exactly, sharing edges vertex for vertex.
  for (const district of m.districts) {
    const districtRing = ringOf(district.geometry);
    const rings = m.neighbourhoods
      .filter((neighbourhood) => neighbourhood.districtCode === district.code)
      .map((neighbourhood) => ringOf(neighbourhood.geometry));
    const areaSum = rings.reduce((sum, ring) => sum + signedArea(ring), 0);
    expect(relativeDifference(areaSum, signedArea(districtRing)), district.code).toBeLessThan(1e-9);
    expect([...outlineEdges(rings)].sort(), district.code).toEqual(directedEdges(districtRing).sort());
  }
  // Across district borders too: the only unshared neighbourhood edges are the municipal border.
  const neighbourhoodRings = m.neighbourhoods.map((neighbourhood) => ringOf(neighbourhood.geometry));
  expect([...outlineEdges(neighbourhoodRings)].sort()).toEqual([...outline].sort());
}

function expectValidProviders(m: DemoMunicipality): void {
  expect(m.providers.length).toBeGreaterThanOrEqual(20);
  expect(m.providers.length).toBeLessThanOrEqual(30);
  for (const provider of m.providers) {
    expect(provider.agbCode, provider.name).toMatch(/^(98|75)\d{6}$/);
    expect(provider.kvkNumber, provider.name).toMatch(/^\d{8}$/);
    expect(provider.name.trim().length).toBeGreaterThan(3);
  }
  for (const field of ['key', 'agbCode', 'kvkNumber', 'name'] as const) {
    expect(new Set(m.providers.map((provider) => provider[field])).size, field).toBe(m.providers.length);
  }
}

function expectValidCatalogue(m: DemoMunicipality): void {
  const provisions = m.provisions;
  expect(provisions.length).toBeGreaterThanOrEqual(25);
  expect(provisions.length).toBeLessThanOrEqual(35);
  for (const field of ['key', 'code', 'name'] as const) {
    expect(new Set(provisions.map((provision) => provision[field])).size, field).toBe(provisions.length);
  }
  const productCodes = provisions.flatMap((provision) =>
    provision.productCode === null ? [] : [provision.productCode],
  );
  expect(new Set(productCodes).size).toBe(productCodes.length);
  for (const law of ['wmo', 'youth', 'participation'] as const) {
    for (const kind of ['general', 'tailored'] as const) {
      expect(
        provisions.some((provision) => provision.law === law && provision.kind === kind),
        `${law} ${kind}`,
      ).toBe(true);
    }
  }
  for (const provision of provisions) {
    const label = provision.code;
    expect(provision.code, label).toMatch(/^(WMO|JW|PW)-[A-Z0-9]+$/);
    expect(provision.code.split('-')[0], label).toBe(
      { wmo: 'WMO', youth: 'JW', participation: 'PW' }[provision.law],
    );
    const sentences = provision.intent.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0);
    expect(sentences.length, `${label} intent`).toBeGreaterThanOrEqual(1);
    expect(sentences.length, `${label} intent`).toBeLessThanOrEqual(2);
    expect(provision.intent, `${label} intent`).toMatch(/^[A-Z].*[.]$/);
    if (provision.kind === 'general') {
      expect([provision.productCategory, provision.productCode, provision.unit], label).toEqual([
        null,
        null,
        null,
      ]);
      continue;
    }
    expect(UNITS, label).toContain(provision.unit);
    switch (provision.law) {
      case 'wmo':
      case 'youth': {
        const categories = provision.law === 'wmo' ? WMO_CATEGORIES : YOUTH_CATEGORIES;
        expect(categories, label).toContain(provision.productCategory);
        expect(provision.productCode, label).toMatch(/^[0-9A-Z]{5}$/);
        expect(provision.productCode?.slice(0, 2), label).toBe(provision.productCategory);
        break;
      }
      case 'participation':
        expect([provision.productCategory, provision.productCode], label).toEqual([null, null]);
        break;
      default: {
        const unknown: never = provision.law;
        throw new Error(`unknown law ${String(unknown)}`);
      }
    }
  }
  const names = (law: DemoMunicipality['provisions'][number]['law']) =>
    provisions
      .filter((provision) => provision.law === law)
      .map((provision) => provision.name.toLowerCase())
      .join('|');
  const required = {
    wmo: [
      'hulp bij het huishouden',
      'begeleiding individueel',
      'dagbesteding',
      'kortdurend verblijf',
      'woonvoorziening',
      'rolstoel',
      'vervoersvoorziening',
      'beschermd wonen',
      'boodschappendienst',
      'maaltijdservice',
      'inloop',
    ],
    youth: [
      'ambulante jeugdhulp',
      'jeugd-ggz',
      'pleegzorg',
      'verblijf',
      'dagbehandeling',
      'crisis',
      'opvoedspreekuur',
    ],
    participation: [
      'bijstand levensonderhoud',
      're-integratietraject',
      'jobcoaching',
      'beschut werk',
      'schuldhulpverlening',
      'taalcafé',
    ],
  } as const;
  for (const law of ['wmo', 'youth', 'participation'] as const) {
    for (const fragment of required[law]) expect(names(law), `${law}: ${fragment}`).toContain(fragment);
  }
}

function expectValidContracts(m: DemoMunicipality): void {
  const provisions = new Map(m.provisions.map((provision) => [provision.key, provision]));
  const providerKeys = new Set(m.providers.map((provider) => provider.key));
  expect(new Set(m.contracts.map((contract) => contract.key)).size).toBe(m.contracts.length);
  expect(new Set(m.contracts.map((contract) => contract.reference)).size).toBe(m.contracts.length);
  for (const provider of m.providers) {
    const count = m.contracts.filter((contract) => contract.providerKey === provider.key).length;
    expect(count, provider.name).toBeGreaterThanOrEqual(1);
    expect(count, provider.name).toBeLessThanOrEqual(2);
  }
  const covered = new Set<string>();
  for (const contract of m.contracts) {
    const label = contract.reference;
    expect(providerKeys.has(contract.providerKey), label).toBe(true);
    expect(contract.reference).toMatch(/^INK-\d{4}-\d{3}$/);
    expect(contract.startDate, label).toBe('2023-01-01');
    expect(['2027-12-31', '2028-12-31'], label).toContain(contract.endDate);
    expect(contract.endDate > contract.startDate, label).toBe(true);
    expect(contract.lines.length, label).toBeGreaterThan(0);
    const lineProvisions = contract.lines.map((line) => {
      const provision = provisions.get(line.provisionKey);
      if (provision === undefined) throw new Error(`${label}: unknown provision ${line.provisionKey}`);
      expect(provision.kind, `${label} ${provision.code}`).toBe('tailored');
      expect(
        Number.isSafeInteger(line.tariffCents) && line.tariffCents > 0,
        `${label} ${provision.code}`,
      ).toBe(true);
      covered.add(provision.key);
      return provision;
    });
    expect(new Set(lineProvisions.map((provision) => provision.law)).size, `${label}: one law`).toBe(1);
    expect(new Set(lineProvisions.map((provision) => provision.key)).size, `${label}: no repeats`).toBe(
      lineProvisions.length,
    );
    const units = lineProvisions.map((provision) => provision.unit);
    switch (contract.financingVariant) {
      case 'effort':
        expect(
          units.every((unit) => unit !== null && EFFORT_UNITS.includes(unit)),
          `${label} effort`,
        ).toBe(true);
        break;
      case 'output':
        expect(
          units.every((unit) => unit !== null && OUTPUT_UNITS.includes(unit)),
          `${label} output`,
        ).toBe(true);
        break;
      case 'task':
        expect(contract.budgetCeilingCents, `${label}: task needs a lump sum`).not.toBeNull();
        break;
      default: {
        const unknown: never = contract.financingVariant;
        throw new Error(`unknown variant ${String(unknown)}`);
      }
    }
    if (contract.budgetCeilingCents !== null) {
      expect(Number.isSafeInteger(contract.budgetCeilingCents), label).toBe(true);
      expect(contract.budgetCeilingCents, label).toBeGreaterThanOrEqual(1_000_000); // at least € 10,000
      expect(contract.budgetCeilingCents, label).toBeLessThanOrEqual(100_000_000_000); // the registry's maximum
    }
  }
  const tailoredKeys = m.provisions.filter((provision) => provision.kind === 'tailored').map((p) => p.key);
  expect(
    tailoredKeys.filter((provisionKey) => !covered.has(provisionKey)),
    'uncontracted provisions',
  ).toEqual([]);

  // Prices per unit stay in realistic bands.
  const tariffs = (code: string) =>
    m.contracts.flatMap((contract) =>
      contract.lines
        .filter((line) => provisions.get(line.provisionKey)?.code === code)
        .map((line) => line.tariffCents),
    );
  const bands: [string, number, number][] = [
    ['WMO-HH1', 3200, 3900],
    ['WMO-BGI', 6500, 7500],
    ['WMO-BW', 12_000, 16_000],
  ];
  for (const [code, low, high] of bands) {
    expect(tariffs(code).length, code).toBeGreaterThan(0);
    expect(
      tariffs(code).every((tariff) => tariff >= low && tariff <= high),
      code,
    ).toBe(true);
  }
  for (const contract of m.contracts) {
    for (const line of contract.lines) {
      if (provisions.get(line.provisionKey)?.unit === '83')
        expect(line.tariffCents, 'one euro per euro').toBe(100);
    }
  }
}

function ageOn20260101(dateOfBirth: string): number {
  const [year = 0, month = 0, day = 0] = dateOfBirth.split('-').map(Number);
  return 2025 - year + (month === 1 && day === 1 ? 1 : 0);
}

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const mx = mean(xs);
  const my = mean(ys);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  xs.forEach((x, index) => {
    const y = ys[index] ?? 0;
    covariance += (x - mx) * (y - my);
    vx += (x - mx) ** 2;
    vy += (y - my) ** 2;
  });
  return covariance / Math.sqrt(vx * vy);
}

function expectValidResidents(m: DemoMunicipality): void {
  const residents = m.residents;
  expect(residents.length).toBeGreaterThanOrEqual(2500);
  expect(residents.length).toBeLessThanOrEqual(3500);
  expect(
    residents.filter((resident) => !isValidBsn(resident.bsn)).map((r) => r.bsn),
    'eleven-test',
  ).toEqual([]);
  expect(
    residents
      .filter((resident) => resident.bsn < '999900006' || resident.bsn > '999999990')
      .map((r) => r.bsn),
    'test range',
  ).toEqual([]);
  expect(new Set(residents.map((resident) => resident.bsn)).size).toBe(residents.length);
  expect(
    residents.filter((resident) => !/^\p{Lu}\p{L}+ \p{L}.*\p{L}$/u.test(resident.name)).map((r) => r.name),
  ).toEqual([]);
  const invalidDates = residents
    .map((resident) => resident.dateOfBirth)
    .filter(
      (date) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
        Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
        new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date ||
        date < '1925-01-01' ||
        date > '2025-12-31',
    );
  expect(invalidDates).toEqual([]);
  const ages = residents.map((resident) => ageOn20260101(resident.dateOfBirth));
  const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length;
  expect(share((age) => age < 18)).toBeGreaterThan(0.12);
  expect(share((age) => age < 18)).toBeLessThan(0.3);
  expect(share((age) => age >= 65)).toBeGreaterThan(0.12);
  expect(share((age) => age >= 65)).toBeLessThan(0.32);
  expect(share((age) => age >= 85)).toBeGreaterThan(0);

  const counts = new Map(m.neighbourhoods.map((neighbourhood) => [neighbourhood.code, 0]));
  for (const resident of residents) {
    const count = counts.get(resident.neighbourhoodCode);
    expect(count, resident.neighbourhoodCode).toBeDefined();
    counts.set(resident.neighbourhoodCode, (count ?? 0) + 1);
  }
  const populations = m.neighbourhoods.map((neighbourhood) => neighbourhood.population);
  const residentCounts = m.neighbourhoods.map((neighbourhood) => counts.get(neighbourhood.code) ?? 0);
  expect(correlation(populations, residentCounts), 'residents follow population').toBeGreaterThan(0.85);
}

/** The BRP parts a 301 needs, within the iWmo limits (basisschema.xsd), and what the API accepts. */
function expectValidResidentIdentities(m: DemoMunicipality): void {
  const residents = m.residents;
  const problems = residents.flatMap((r) => {
    const found: string[] = [];
    const text = (value: string | null, min: number, max: number) =>
      value !== null && value.trim() === value && value.length >= min && value.length <= max;
    if (!text(r.givenNames, 1, 200)) found.push('givenNames');
    if (!text(r.familyName, 1, 200)) found.push('familyName');
    if (r.familyNamePrefix !== null && !/^(van|de|van de|van den|van der|el)$/.test(r.familyNamePrefix)) {
      found.push('familyNamePrefix');
    }
    if (r.name !== [r.givenNames, r.familyNamePrefix, r.familyName].filter(Boolean).join(' '))
      found.push('name');
    if (r.gender !== '1' && r.gender !== '2') found.push('gender');
    const a = r.address;
    if (!text(a.street, 1, 24)) found.push('street');
    if (!Number.isInteger(a.houseNumber) || a.houseNumber < 1 || a.houseNumber > 99_999)
      found.push('houseNumber');
    if (a.houseLetter !== null && !/^[A-Z]$/.test(a.houseLetter)) found.push('houseLetter');
    if (a.houseNumberAddition !== null && !text(a.houseNumberAddition, 1, 4))
      found.push('houseNumberAddition');
    if (a.houseLetter !== null && a.houseNumberAddition !== null) found.push('letter and addition');
    if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(a.postcode) || /(SA|SD|SS)$/.test(a.postcode)) found.push('postcode');
    if (a.place !== m.municipality.name) found.push('place');
    const parsed = residentBody.safeParse(r);
    if (!parsed.success) found.push(`API: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    else if (parsed.data.name !== r.name || parsed.data.address?.postcode !== a.postcode)
      found.push('API changed it');
    return found.length > 0 ? [`${r.bsn}: ${found.join(', ')}`] : [];
  });
  expect(problems).toEqual([]);

  // A given name always goes with the same gender; both genders occur.
  const genders = new Map<string, Set<string>>();
  for (const r of residents)
    genders.set(r.givenNames, (genders.get(r.givenNames) ?? new Set()).add(r.gender));
  expect([...genders].filter(([, set]) => set.size > 1).map(([name]) => name)).toEqual([]);
  const women = residents.filter((r) => r.gender === '2').length / residents.length;
  expect(women).toBeGreaterThan(0.35);
  expect(women).toBeLessThan(0.65);
  // Some, not all, family names have a prefix; some addresses a letter or an addition.
  const share = (test: (r: DemoMunicipality['residents'][number]) => boolean) =>
    residents.filter(test).length / residents.length;
  expect(share((r) => r.familyNamePrefix !== null)).toBeGreaterThan(0.1);
  expect(share((r) => r.familyNamePrefix !== null)).toBeLessThan(0.5);
  expect(share((r) => r.address.houseLetter !== null)).toBeGreaterThan(0.01);
  expect(share((r) => r.address.houseNumberAddition !== null)).toBeGreaterThan(0.01);
  expect(share((r) => r.address.houseLetter !== null || r.address.houseNumberAddition !== null)).toBeLessThan(
    0.25,
  );

  // One postcode area (the four digits) per neighbourhood; a street has one postcode and lies in
  // one neighbourhood; nobody shares a full address.
  const areas = new Map<string, Set<string>>();
  const streets = new Map<string, Set<string>>();
  const addresses = new Set<string>();
  let shared = 0;
  for (const r of residents) {
    areas.set(
      r.neighbourhoodCode,
      (areas.get(r.neighbourhoodCode) ?? new Set()).add(r.address.postcode.slice(0, 4)),
    );
    streets.set(
      r.address.street,
      (streets.get(r.address.street) ?? new Set()).add(`${r.neighbourhoodCode} ${r.address.postcode}`),
    );
    const key = `${r.address.postcode} ${r.address.houseNumber}${r.address.houseLetter ?? ''}-${r.address.houseNumberAddition ?? ''}`;
    if (addresses.has(key)) shared += 1;
    addresses.add(key);
  }
  expect([...areas.values()].every((set) => set.size === 1)).toBe(true);
  expect(new Set([...areas.values()].flatMap((set) => [...set])).size).toBe(areas.size);
  expect([...streets].filter(([, set]) => set.size > 1).map(([street]) => street)).toEqual([]);
  expect(streets.size).toBeGreaterThan(m.neighbourhoods.length * 3);
  // Households share an address; most residents do not.
  expect(shared / residents.length).toBeLessThan(0.5);
}

function expectValidDemoMunicipality(m: DemoMunicipality): void {
  expectValidMunicipality(m);
  expectValidGeography(m);
  expectValidProviders(m);
  expectValidCatalogue(m);
  expectValidContracts(m);
  expectValidResidents(m);
  expectValidResidentIdentities(m);
}

describe('generateDemoMunicipality', () => {
  const demo = generateDemoMunicipality();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives byte-identical output for the same seed and different output for another', () => {
    expect(JSON.stringify(generateDemoMunicipality(20260101))).toBe(JSON.stringify(demo));
    expect(JSON.stringify(generateDemoMunicipality(42))).toBe(JSON.stringify(generateDemoMunicipality(42)));
    expect(JSON.stringify(generateDemoMunicipality(42))).not.toBe(JSON.stringify(demo));
    expect(JSON.stringify(generateDemoMunicipality(20260102))).not.toBe(JSON.stringify(demo));
  });

  it('lays the contracts around the reference year, so a demo started later can still allocate', () => {
    const later = generateDemoMunicipality(20260101, 2030);
    expect(new Set(later.contracts.map((c) => c.startDate))).toEqual(new Set(['2027-01-01']));
    expect(later.contracts.every((c) => c.endDate >= '2031-12-31')).toBe(true);
    expect(later.contracts[0]?.reference).toMatch(/^INK-2027-/);
    expect(later.residents).toEqual(demo.residents);
    expect(() => generateDemoMunicipality(1, 1999)).toThrow(RangeError);
  });

  it('uses neither Math.random nor the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    generateDemoMunicipality(7);
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => generateDemoMunicipality(1.5)).toThrow(RangeError);
    expect(() => generateDemoMunicipality(Number.NaN)).toThrow(RangeError);
  });

  it('is a fictional municipality of about 50,000 inhabitants', () => {
    expectValidMunicipality(demo);
    expect(demo.municipality.name).toBe('Lindewaarde');
  });

  it('has 8 districts and about 30 neighbourhoods whose polygons tile the municipality', () => {
    expectValidGeography(demo);
  });

  it('has about 25 fictional providers with unique AGB codes and KvK numbers', () => {
    expectValidProviders(demo);
  });

  it('has a provision catalogue over the three laws with iStandaarden codes', () => {
    expectValidCatalogue(demo);
  });

  it('contracts every tailored provision under the financing variant rule', () => {
    expectValidContracts(demo);
    expect(demo.contracts.some((contract) => contract.financingVariant === 'task')).toBe(true);
    expect(demo.contracts.some((contract) => contract.financingVariant === 'effort')).toBe(true);
    expect(demo.contracts.some((contract) => contract.financingVariant === 'output')).toBe(true);
  });

  it('has about 3,000 residents with test BSNs, valid birth dates and a realistic age mix', () => {
    expectValidResidents(demo);
  });

  it('gives every resident BRP name parts, a gender and an address a 301 can carry', () => {
    expectValidResidentIdentities(demo);
    // Adding the addresses moved no name: the browser tests find this resident of the demo.
    expect(demo.residents.filter((r) => r.name === 'Ans Bakker')).toHaveLength(1);
    expect(demo.residents.find((r) => r.familyNamePrefix === 'van der')).toMatchObject({
      familyName: 'Meer',
      name: expect.stringMatching(/ van der Meer$/),
    });
  });

  it('satisfies every rule for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expectValidDemoMunicipality(generateDemoMunicipality(seed));
      }),
      { numRuns: 12 },
    );
  });

  it('generates in well under 200 ms', () => {
    const started = performance.now();
    generateDemoMunicipality(123_456);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('isValidBsn (test helper)', () => {
  it('applies the eleven-test', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456781')).toBe(false);
    expect(isValidBsn('999900006')).toBe(true);
    expect(isValidBsn('999999990')).toBe(true);
    expect(isValidBsn('12345678')).toBe(false);
  });
});
