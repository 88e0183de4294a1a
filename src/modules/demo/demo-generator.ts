/**
 * The fictional demo municipality Lindewaarde (CBS code 9901): geography, providers, the
 * provision catalogue, contracts and residents, generated deterministically from one seed.
 * Pure code without a database, so the seed command, tests and benchmarks share one source.
 */
import { composeName, type Gender } from '../registry/resident-rules.js';
import type { ResidentAddress } from '../registry/resident-service.js';

export type Law = 'wmo' | 'youth' | 'participation';
export type ProvisionKind = 'general' | 'tailored';
export type FinancingVariant = 'effort' | 'output' | 'task';

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface DemoMunicipality {
  municipality: { code: string; name: string; population: number };
  districts: { code: string; name: string; geometry: GeoJsonPolygon }[];
  neighbourhoods: {
    code: string;
    name: string;
    districtCode: string;
    population: number;
    geometry: GeoJsonPolygon;
  }[];
  providers: { key: string; agbCode: string; name: string; kvkNumber: string }[];
  provisions: {
    key: string;
    code: string;
    name: string;
    law: Law;
    kind: ProvisionKind;
    productCategory: string | null;
    productCode: string | null;
    unit: string | null;
    intent: string;
  }[];
  contracts: {
    key: string;
    providerKey: string;
    reference: string;
    financingVariant: FinancingVariant;
    startDate: string;
    endDate: string;
    budgetCeilingCents: number | null;
    lines: { provisionKey: string; tariffCents: number }[];
  }[];
  residents: DemoResident[];
}

/** A resident as the BRP would hand it over: name in parts, gender and address (for the 301). */
export interface DemoResident {
  bsn: string;
  /** The display name, composed from the parts. */
  name: string;
  dateOfBirth: string;
  neighbourhoodCode: string;
  gender: Gender;
  givenNames: string;
  familyNamePrefix: string | null;
  familyName: string;
  address: ResidentAddress;
}

export const DEFAULT_DEMO_SEED = 20260101;

const MUNICIPALITY_CODE = '9901';
// Checked against the CBS municipality list of 2026 and Dutch place names: no real place is
// called this, so generated data can never be mistaken for a real municipality's.
const MUNICIPALITY_NAME = 'Lindewaarde';
const RESIDENT_COUNT = 3000;

// ---------------------------------------------------------------------------------------------
// Random numbers: our own PRNG, so output is identical on every platform and Node version.

export interface Rng {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return item;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Each part of the municipality draws from its own stream, so a change to how residents are
// generated does not move a single polygon or tariff.
export function createRng(seed: number, stream: string): Rng {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193);
  // xor, odd multiplications and xor-shifts are bijections on 32 bits: distinct seeds stay distinct.
  let mixed = (hash ^ seed) >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x45d9f3b);
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x45d9f3b);
  const next = mulberry32(mixed ^ (mixed >>> 16));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => at(items, rng.int(0, items.length - 1)),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        const swap = at(copy, i);
        copy[i] = at(copy, j);
        copy[j] = swap;
      }
      return copy;
    },
  };
  return rng;
}

function pickWeighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    remaining -= at(weights, i);
    if (remaining < 0) return at(items, i);
  }
  return at(items, items.length - 1);
}

// ---------------------------------------------------------------------------------------------
// Geography: a 4×2 grid of district quads with jittered vertices; each quad is cut bilinearly
// into its neighbourhoods. Iso-lines of a bilinear map are straight, so the cuts are straight
// lines and the cells tile their quad exactly.

type Point = [number, number];

const GRID_COLUMNS = 4;
const GRID_ROWS = 2;
const ORIGIN_LON = 5.01;
const ORIGIN_LAT = 52.01;
const CELL_LON = 0.045;
const CELL_LAT = 0.04;
// At most 0.2 of a cell keeps every quad strictly convex (a vertex would have to travel
// 0.7 cell to cross its neighbours' diagonal) and inside lon 5.0–5.2, lat 52.0–52.1.
const JITTER = 0.2;

interface Quad {
  sw: Point;
  se: Point;
  ne: Point;
  nw: Point;
}

// Written so that t = 0 and t = 1 return the endpoints exactly: neighbouring quads evaluate
// their shared edge with the same formula and get bit-identical points.
function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] * (1 - t) + b[0] * t, a[1] * (1 - t) + b[1] * t];
}

function bilinear(quad: Quad, u: number, v: number): Point {
  return lerp(lerp(quad.sw, quad.se, u), lerp(quad.nw, quad.ne, u), v);
}

function closedRing(points: Point[]): Point[] {
  return [...points, at(points, 0)];
}

/** Cut points of [0, 1] into `parts` pieces of varied size, exact 0 and 1 at the ends. */
function splitUnit(rng: Rng, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.7 + 0.6 * rng.next());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cuts = [0];
  let running = 0;
  for (let i = 0; i < parts - 1; i++) {
    running += at(weights, i);
    cuts.push(running / total);
  }
  cuts.push(1);
  return cuts;
}

const pointKey = (point: Point): string => `${point[0]},${point[1]}`;

/**
 * Inserts every candidate vertex that lies on an edge of the ring into that edge, so that
 * polygons meeting at a T-junction (a neighbourhood border ending on a neighbour's edge) share
 * identical edges: maps and topology checks then see no slivers or hairline gaps.
 */
function insertVerticesOnEdges(ring: Point[], candidates: readonly Point[]): Point[] {
  const result: Point[] = [at(ring, 0)];
  for (let i = 0; i < ring.length - 1; i++) {
    const a = at(ring, i);
    const b = at(ring, i + 1);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const lengthSquared = dx * dx + dy * dy;
    const onEdge: { t: number; point: Point }[] = [];
    for (const point of candidates) {
      const px = point[0] - a[0];
      const py = point[1] - a[1];
      // Points computed on this edge are off the line by rounding only (~1e-16 of its length);
      // any other vertex is at least a sizeable fraction of a cell away.
      if (Math.abs(dx * py - dy * px) > 1e-9 * lengthSquared) continue;
      const t = (px * dx + py * dy) / lengthSquared;
      if (t > 1e-9 && t < 1 - 1e-9) onEdge.push({ t, point });
    }
    onEdge.sort((left, right) => left.t - right.t);
    for (const { point } of onEdge) result.push(point);
    result.push(b);
  }
  return result;
}

const polygon = (ring: Point[]): GeoJsonPolygon => ({ type: 'Polygon', coordinates: [ring] });

// biome-ignore format: a compact data table reads better than one value per line
const DISTRICT_NAMES = [
  'Oosterveld', 'Noorderhof', 'Zuiderkwartier', 'Westerhaven', 'De Waarden', 'Lindehof', 'Molenkamp',
  'Beekdal', 'Rivierenwijk', 'Vogelweide', 'Kloosterakker',
];

// biome-ignore format: a compact data table reads better than one value per line
const NEIGHBOURHOOD_NAMES = [
  'Bloemenbuurt', 'Vogelbuurt', 'Schildersbuurt', 'Componistenbuurt', 'Molenbuurt', 'Stationskwartier',
  'Kerkebuurt', 'Havenkwartier', 'Beukenhof', 'Eikenrode', 'Wilgenweide', 'De Brink', 'Marktkwartier',
  'Sluiskwartier', 'Dijkzicht', 'Polderzoom', 'Weidehof', 'Klaverveld', 'Zonnehoek', 'Parkzicht',
  'Rozenhof', 'Esdoornlaan', 'Kastanjehof', 'Het Hoge Land', 'De Meent', 'Waterrijk', 'Zilverschoon',
  'De Akkers', 'Heidebloem', 'Bolwerk', 'Vestingzicht', 'Oude Dorp', 'Nieuwe Erven', 'De Hoven',
  'Buitenhof', 'Singelpark', 'Tuinstad', 'Hofstede', 'Kloosterhof', 'De Gaarde', 'Bongerd', 'Lindelaan',
];

// Multisets of neighbourhoods per district, each 3–5 and about 30 in all.
const NEIGHBOURHOOD_COUNTS = [
  [3, 3, 3, 4, 4, 4, 4, 5],
  [3, 3, 4, 4, 4, 4, 4, 4],
  [3, 3, 3, 3, 4, 4, 5, 5],
  [3, 4, 4, 4, 4, 4, 4, 4],
];

// Columns per row (south to north); rows of different widths meet in T-junctions.
// biome-ignore format: a compact data table reads better than one value per line
const ROW_LAYOUTS: Record<number, readonly (readonly number[])[]> = {
  3: [[3], [1, 2], [2, 1]],
  4: [[2, 2], [1, 3], [3, 1]],
  5: [[2, 3], [3, 2]],
};

interface Geography {
  districts: DemoMunicipality['districts'];
  neighbourhoods: DemoMunicipality['neighbourhoods'];
}

function generateGeography(seed: number): Geography {
  const rng = createRng(seed, 'geography');
  const grid: Point[][] = [];
  for (let row = 0; row <= GRID_ROWS; row++) {
    const line: Point[] = [];
    for (let column = 0; column <= GRID_COLUMNS; column++) {
      line.push([
        ORIGIN_LON + (column + (rng.next() - 0.5) * 2 * JITTER) * CELL_LON,
        ORIGIN_LAT + (row + (rng.next() - 0.5) * 2 * JITTER) * CELL_LAT,
      ]);
    }
    grid.push(line);
  }
  const quadAt = (column: number, row: number): Quad => ({
    sw: at(at(grid, row), column),
    se: at(at(grid, row), column + 1),
    ne: at(at(grid, row + 1), column + 1),
    nw: at(at(grid, row + 1), column),
  });

  // CBS numbers the centre first; the rest follow the map from north-west to south-east.
  const cells: { column: number; row: number }[] = [];
  for (let row = GRID_ROWS - 1; row >= 0; row--) {
    for (let column = 0; column < GRID_COLUMNS; column++) cells.push({ column, row });
  }
  const centre = rng.pick(cells.filter((cell) => cell.column === 1 || cell.column === 2));
  const orderedCells = [centre, ...cells.filter((cell) => cell !== centre)];
  const districtNames = ['Centrum', ...rng.shuffle(DISTRICT_NAMES)];
  const neighbourhoodNames = rng.shuffle(NEIGHBOURHOOD_NAMES);
  const counts = rng.shuffle(rng.pick(NEIGHBOURHOOD_COUNTS));

  const districtDrafts: { code: string; name: string; ring: Point[] }[] = [];
  const neighbourhoodDrafts: { code: string; name: string; districtCode: string; ring: Point[] }[] = [];
  orderedCells.forEach((cell, districtIndex) => {
    const quad = quadAt(cell.column, cell.row);
    const districtCode = `WK${MUNICIPALITY_CODE}${String(districtIndex + 1).padStart(2, '0')}`;
    districtDrafts.push({
      code: districtCode,
      name: at(districtNames, districtIndex),
      ring: closedRing([quad.sw, quad.se, quad.ne, quad.nw]),
    });
    const layout = rng.pick(ROW_LAYOUTS[at(counts, districtIndex)] ?? []);
    const rowCuts = splitUnit(rng, layout.length);
    let number = 0;
    layout.forEach((columns, rowIndex) => {
      const v0 = at(rowCuts, rowIndex);
      const v1 = at(rowCuts, rowIndex + 1);
      const columnCuts = splitUnit(rng, columns);
      for (let c = 0; c < columns; c++) {
        const u0 = at(columnCuts, c);
        const u1 = at(columnCuts, c + 1);
        number++;
        neighbourhoodDrafts.push({
          code: `${districtCode.replace('WK', 'BU')}${String(number).padStart(2, '0')}`,
          name: at(neighbourhoodNames, neighbourhoodDrafts.length),
          districtCode,
          // Counter-clockwise in lon/lat, as RFC 7946 asks of exterior rings.
          ring: closedRing([
            bilinear(quad, u0, v0),
            bilinear(quad, u1, v0),
            bilinear(quad, u1, v1),
            bilinear(quad, u0, v1),
          ]),
        });
      }
    });
  });

  const vertices = new Map<string, Point>();
  for (const draft of neighbourhoodDrafts) {
    for (const point of draft.ring) vertices.set(pointKey(point), point);
  }
  const candidates = [...vertices.values()];
  const populations = generatePopulations(rng, neighbourhoodDrafts.length);

  return {
    districts: districtDrafts.map((draft) => ({
      code: draft.code,
      name: draft.name,
      geometry: polygon(insertVerticesOnEdges(draft.ring, candidates)),
    })),
    neighbourhoods: neighbourhoodDrafts.map((draft, index) => ({
      code: draft.code,
      name: draft.name,
      districtCode: draft.districtCode,
      population: at(populations, index),
      geometry: polygon(insertVerticesOnEdges(draft.ring, candidates)),
    })),
  };
}

// A quarter small buurten (a few hundred people), a third large ones (around 3,000), scaled to
// a municipality of about 50,000.
function generatePopulations(rng: Rng, count: number): number[] {
  const small = Math.round(count * 0.25);
  const large = Math.round(count * 0.3);
  const sizes = rng.shuffle(
    Array.from({ length: count }, (_, index) =>
      index < small ? 'small' : index < small + large ? 'large' : 'medium',
    ),
  );
  const raw = sizes.map((size) =>
    size === 'small' ? rng.int(350, 850) : size === 'large' ? rng.int(2400, 3600) : rng.int(1100, 2200),
  );
  const rawTotal = raw.reduce((sum, value) => sum + value, 0);
  const target = rng.int(49_000, 51_500);
  return raw.map((value) => Math.max(250, Math.round((value * target) / rawTotal)));
}

// ---------------------------------------------------------------------------------------------
// Provision catalogue. Categories from iWmo WMO020 and iJw JZ020 (current codes), units from
// WJ756; tariff ranges are realistic prices per unit in cents, used for contract lines only.

interface CatalogueEntry {
  code: string;
  name: string;
  law: Law;
  kind: ProvisionKind;
  productCategory: string | null;
  productCode: string | null;
  unit: string | null;
  tariffCents: readonly [number, number] | null;
  intent: string;
}

function tailored(
  code: string,
  name: string,
  law: Law,
  productCode: string | null,
  unit: string,
  tariffCents: readonly [number, number],
  intent: string,
): CatalogueEntry {
  const productCategory = productCode === null ? null : productCode.slice(0, 2);
  return { code, name, law, kind: 'tailored', productCategory, productCode, unit, tariffCents, intent };
}

function general(code: string, name: string, law: Law, intent: string): CatalogueEntry {
  return {
    code,
    name,
    law,
    kind: 'general',
    productCategory: null,
    productCode: null,
    unit: null,
    tariffCents: null,
    intent,
  };
}

// biome-ignore format: a compact data table reads better than one value per line
const CATALOGUE: readonly CatalogueEntry[] = [
  tailored('WMO-HH1', 'Hulp bij het huishouden', 'wmo', '01A01', '04', [3200, 3900],
    'Inwoners die hun huishouden niet zelf kunnen voeren, wonen in een schoon en leefbaar huis. Zo kunnen zij langer zelfstandig thuis blijven wonen.'),
  tailored('WMO-HH2', 'Hulp bij het huishouden (resultaatgericht)', 'wmo', '01A02', '82', [26_000, 34_000],
    'Een schoon en leefbaar huis als resultaat per maand. De aanbieder bepaalt samen met de inwoner hoeveel hulp daarvoor nodig is.'),
  tailored('WMO-PV', 'Persoonlijke verzorging', 'wmo', '03A01', '04', [5400, 6200],
    'Inwoners kunnen zich dagelijks verzorgen met ondersteuning waar dat nodig is, zodat zij thuis kunnen blijven wonen.'),
  tailored('WMO-BGI', 'Begeleiding individueel', 'wmo', '02A01', '04', [6500, 7500],
    'Inwoners voeren zo veel mogelijk zelf de regie over hun dagelijks leven. De begeleiding versterkt hun zelfredzaamheid en hun netwerk.'),
  tailored('WMO-BGS', 'Begeleiding individueel specialistisch', 'wmo', '02A02', '01', [120, 135],
    'Inwoners met complexe problematiek houden grip op hun leven en voorkomen een crisis of opname.'),
  tailored('WMO-DB', 'Dagbesteding', 'wmo', '07A01', '16', [5200, 6400],
    'Inwoners hebben een zinvolle daginvulling en sociale contacten. Tegelijk worden hun mantelzorgers ontlast.'),
  tailored('WMO-KV', 'Kortdurend verblijf', 'wmo', '04A01', '14', [15_000, 19_000],
    'Mantelzorgers houden de zorg voor hun naaste vol doordat de inwoner af en toe elders logeert.'),
  tailored('WMO-WV', 'Woonvoorziening', 'wmo', '13A01', '83', [100, 100],
    'Inwoners kunnen zich veilig in en om hun eigen woning bewegen en daar zelfstandig blijven wonen.'),
  tailored('WMO-RS', 'Rolstoel', 'wmo', '11A01', '82', [120_000, 260_000],
    'Inwoners die niet of nauwelijks kunnen lopen, verplaatsen zich zelfstandig in en om hun woning.'),
  tailored('WMO-VV', 'Vervoersvoorziening (scootmobiel)', 'wmo', '12A01', '82', [250_000, 380_000],
    'Inwoners verplaatsen zich zelfstandig in hun omgeving om boodschappen te doen en mensen te ontmoeten.'),
  tailored('WMO-CV', 'Collectief vervoer (regiotaxi)', 'wmo', '08A01', '84', [1500, 2400],
    'Inwoners die geen gebruik kunnen maken van het openbaar vervoer, nemen toch deel aan het maatschappelijk leven in de regio.'),
  tailored('WMO-BW', 'Beschermd wonen', 'wmo', '15A01', '14', [12_000, 16_000],
    'Inwoners met psychische problemen wonen in een beschermende omgeving. Zij werken toe naar zo zelfstandig mogelijk wonen in de wijk.'),
  general('WMO-BOOD', 'Boodschappendienst', 'wmo',
    'Ouderen en inwoners met een beperking krijgen hun boodschappen thuisbezorgd, zodat zij zonder beschikking langer thuis wonen.'),
  general('WMO-MAAL', 'Maaltijdservice', 'wmo',
    'Inwoners die niet zelf kunnen koken, krijgen dagelijks een gezonde maaltijd en een vast contactmoment.'),
  general('WMO-INL', 'Inloop en ontmoeting in de wijk', 'wmo',
    'Inwoners ontmoeten elkaar laagdrempelig in de wijk. Dat voorkomt eenzaamheid en stelt zwaardere ondersteuning uit.'),
  general('WMO-MZ', 'Mantelzorgondersteuning', 'wmo',
    'Mantelzorgers krijgen informatie, advies en respijt, zodat zij hun zorgtaak volhouden zonder overbelast te raken.'),
  tailored('JW-AMB', 'Ambulante jeugdhulp', 'youth', '45A01', '04', [8500, 10_500],
    'Kinderen groeien veilig en gezond op in hun eigen gezin, doordat ouders en kind thuis of op locatie worden geholpen.'),
  tailored('JW-GGZ', 'Jeugd-ggz behandeling', 'youth', '54A01', '01', [140, 170],
    'Jeugdigen met psychische problemen worden op tijd behandeld, zodat zij naar school blijven gaan en mee blijven doen.'),
  tailored('JW-GGZT', 'Jeugd-ggz behandeltraject', 'youth', '54B01', '82', [180_000, 320_000],
    'Een afgerond behandeltraject waarin de jeugdige zijn behandeldoelen bereikt. De prijs per traject is vooraf afgesproken.'),
  tailored('JW-DBH', 'Dagbehandeling jeugd', 'youth', '41A01', '16', [11_000, 14_000],
    'Jeugdigen met ernstige gedrags- of ontwikkelingsproblemen krijgen overdag behandeling, zodat zij thuis kunnen blijven wonen.'),
  tailored('JW-PLZ', 'Pleegzorg', 'youth', '44A01', '14', [4500, 6500],
    'Kinderen die tijdelijk of blijvend niet thuis kunnen wonen, groeien op in een gezin.'),
  tailored('JW-VBL', 'Jeugdhulp verblijf met behandeling', 'youth', '43A01', '14', [25_000, 35_000],
    'Jeugdigen die niet thuis kunnen wonen, krijgen behandeling in een veilige woonomgeving. Zij keren zo snel mogelijk terug naar huis of naar een gezinsvorm.'),
  tailored('JW-CRS', 'Crisishulp jeugd', 'youth', '46A01', '14', [30_000, 45_000],
    'Bij acute onveiligheid van een kind is binnen 24 uur hulp en zo nodig een veilige opvangplek beschikbaar.'),
  tailored('JW-ARR', 'Maatwerkarrangement jeugd', 'youth', '50A01', '82', [85_000, 105_000],
    'Gezinnen met problemen op meerdere levensgebieden krijgen per maand één samenhangend arrangement met één regisseur.'),
  general('JW-OPS', 'Opvoedspreekuur', 'youth',
    'Ouders kunnen zonder verwijzing terecht met vragen over opvoeden en opgroeien, zodat kleine zorgen klein blijven.'),
  general('JW-JWK', 'Jongerenwerk', 'youth',
    'Jongeren hebben een plek in de wijk en een vertrouwde volwassene. Dat voorkomt schooluitval en overlast.'),
  tailored('PW-BIJ', 'Bijstand levensonderhoud', 'participation', null, '83', [100, 100],
    'Inwoners zonder toereikend inkomen kunnen voorzien in de noodzakelijke kosten van het bestaan.'),
  tailored('PW-REI', 'Re-integratietraject', 'participation', null, '82', [250_000, 450_000],
    'Inwoners met een uitkering vinden duurzaam betaald werk en worden financieel onafhankelijk.'),
  tailored('PW-JC', 'Jobcoaching', 'participation', null, '04', [7500, 9500],
    'Werknemers met een arbeidsbeperking houden hun baan doordat zij en hun werkgever begeleiding op de werkplek krijgen.'),
  tailored('PW-BWK', 'Beschut werk', 'participation', null, '16', [3500, 5000],
    'Inwoners die alleen in een beschutte omgeving kunnen werken, hebben toch een betaalde baan.'),
  tailored('PW-SHV', 'Schuldhulpverlening', 'participation', null, '82', [150_000, 250_000],
    'Inwoners met problematische schulden komen tot een stabiele financiële situatie en worden schuldenvrij.'),
  general('PW-TAAL', 'Taalcafé', 'participation',
    'Inwoners die de Nederlandse taal nog onvoldoende beheersen, oefenen laagdrempelig met spreken. Zo vergroten zij hun kansen op werk.'),
  general('PW-FORM', 'Formulierenbrigade', 'participation',
    'Inwoners krijgen hulp bij het invullen van formulieren, zodat zij de toeslagen en regelingen krijgen waar zij recht op hebben.'),
];

const provisionKey = (code: string): string => code.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Procurement lots (percelen): each groups provisions of one law whose units all fit the lot's
// financing variants, so every contract satisfies the registry's variant rule by construction.

interface Lot {
  key: string;
  provisionCodes: readonly string[];
  /** Drawn with equal probability; repeats weigh a variant. */
  variants: readonly FinancingVariant[];
  annualBudgetEuro: readonly [number, number];
}

// biome-ignore format: a compact data table reads better than one value per line
const LOTS: readonly Lot[] = [
  { key: 'household-effort', provisionCodes: ['WMO-HH1', 'WMO-PV'], variants: ['effort', 'effort', 'task'], annualBudgetEuro: [1_200_000, 2_000_000] },
  { key: 'household-output', provisionCodes: ['WMO-HH2'], variants: ['output', 'output', 'task'], annualBudgetEuro: [600_000, 1_000_000] },
  { key: 'support', provisionCodes: ['WMO-BGI', 'WMO-BGS', 'WMO-DB', 'WMO-KV'], variants: ['effort', 'effort', 'task'], annualBudgetEuro: [2_000_000, 3_500_000] },
  { key: 'aids', provisionCodes: ['WMO-RS', 'WMO-VV', 'WMO-WV'], variants: ['output', 'output', 'task'], annualBudgetEuro: [400_000, 800_000] },
  { key: 'transport', provisionCodes: ['WMO-CV'], variants: ['effort', 'task'], annualBudgetEuro: [500_000, 900_000] },
  { key: 'sheltered-housing', provisionCodes: ['WMO-BW'], variants: ['effort', 'effort', 'task'], annualBudgetEuro: [2_500_000, 4_000_000] },
  { key: 'youth-ambulant', provisionCodes: ['JW-AMB', 'JW-GGZ', 'JW-DBH'], variants: ['effort', 'effort', 'task'], annualBudgetEuro: [2_000_000, 3_500_000] },
  { key: 'youth-residential', provisionCodes: ['JW-PLZ', 'JW-VBL', 'JW-CRS'], variants: ['effort', 'effort', 'task'], annualBudgetEuro: [2_500_000, 4_500_000] },
  { key: 'youth-trajectory', provisionCodes: ['JW-GGZT', 'JW-ARR'], variants: ['output', 'output', 'task'], annualBudgetEuro: [1_000_000, 2_000_000] },
  { key: 'reintegration', provisionCodes: ['PW-REI'], variants: ['output', 'task'], annualBudgetEuro: [300_000, 600_000] },
  { key: 'work-support', provisionCodes: ['PW-JC', 'PW-BWK'], variants: ['effort', 'task'], annualBudgetEuro: [400_000, 800_000] },
  { key: 'debt', provisionCodes: ['PW-SHV'], variants: ['output', 'task'], annualBudgetEuro: [300_000, 500_000] },
  // Benefits are paid out by the municipality's shared social service as one commissioned task.
  { key: 'income', provisionCodes: ['PW-BIJ'], variants: ['task'], annualBudgetEuro: [18_000_000, 24_000_000] },
];

// Fictional organisations; each bids on one or two lots.
// biome-ignore format: a compact data table reads better than one value per line
const PROVIDER_TEMPLATES: readonly (readonly [string, readonly string[]])[] = [
  ['Thuiszorg Lindewaarde', ['household-effort', 'household-output']],
  ['Zorggroep De Linde', ['household-effort', 'support']],
  ['Huishoudelijke Hulp De Klaverhoek', ['household-effort', 'household-output']],
  ['Zorgcoöperatie Lindehof', ['household-effort']],
  ['Begeleiding Op Koers', ['support', 'work-support']],
  ['Dagbesteding De Boomgaard', ['support']],
  ['Woonzorg Het Baken', ['sheltered-housing', 'support']],
  ['Beschermd Wonen De Vaart', ['sheltered-housing']],
  ['Hulpmiddelencentrum Waardeland', ['aids']],
  ['Revalidatietechniek Molenkamp', ['aids']],
  ['Aanpasbouw Oosterveld', ['aids']],
  ['Vervoerscentrale Lindewaarde', ['transport']],
  ['Zorgvervoer De Reiziger', ['transport']],
  ['Jeugdhulp Het Kompas', ['youth-ambulant', 'youth-trajectory']],
  ['Gezinsbegeleiding De Wegwijzer', ['youth-ambulant']],
  ['Jeugd-ggz Praktijk Lindelaan', ['youth-ambulant', 'youth-trajectory']],
  ['Pleegzorg De Meent', ['youth-residential']],
  ['Jeugdzorg De Vuurtoren', ['youth-residential', 'youth-ambulant']],
  ['Kinderpraktijk Klavertje Vier', ['youth-ambulant']],
  ['Spoedhulp Jeugd Lindewaarde', ['youth-residential']],
  ['Sociale Dienst De Waarden', ['income', 'debt']],
  ['Werkbedrijf Lindewaarde', ['work-support', 'reintegration']],
  ['Re-integratiebureau Stap Verder', ['reintegration']],
  ['Coöperatie Werkkracht', ['work-support', 'reintegration']],
  ['Schuldhulp Op Orde', ['debt']],
];

/**
 * The demo's contracts run from three years before the reference year (so the case history has
 * contracts to allocate under) to one or two years after it (so a demo started next month can
 * still allocate). The seed starts with the current year; tests pin one.
 */
export const DEFAULT_REFERENCE_YEAR = 2026;
function contractPeriod(year: number): { start: string; ends: readonly [string, string] } {
  return { start: `${year - 3}-01-01`, ends: [`${year + 1}-12-31`, `${year + 2}-12-31`] };
}

function generateProviders(seed: number): DemoMunicipality['providers'] {
  const rng = createRng(seed, 'providers');
  const agbCodes = new Set<string>();
  const kvkNumbers = new Set<string>();
  return PROVIDER_TEMPLATES.map(([name], index) => {
    // Wmo and youth providers carry AGB codes of the 98 range (gemeentelijke zorgaanbieders).
    let agbCode = '';
    do agbCode = `98${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    while (agbCodes.has(agbCode));
    agbCodes.add(agbCode);
    let kvkNumber = '';
    do kvkNumber = String(rng.int(10_000_000, 99_999_999));
    while (kvkNumbers.has(kvkNumber));
    kvkNumbers.add(kvkNumber);
    return { key: `provider-${String(index + 1).padStart(2, '0')}`, agbCode, name, kvkNumber };
  });
}

function lotByKey(key: string): Lot {
  const lot = LOTS.find((candidate) => candidate.key === key);
  if (lot === undefined) throw new Error(`unknown lot ${key}`);
  return lot;
}

function catalogueEntry(code: string): CatalogueEntry {
  const entry = CATALOGUE.find((candidate) => candidate.code === code);
  if (entry === undefined) throw new Error(`unknown provision ${code}`);
  return entry;
}

function generateContracts(
  seed: number,
  providers: DemoMunicipality['providers'],
  referenceYear: number,
): DemoMunicipality['contracts'] {
  const rng = createRng(seed, 'contracts');
  const period = contractPeriod(referenceYear);
  // One provider per lot contracts every provision of it, so each tailored provision is bought.
  const anchors = new Map<string, number>();
  for (const lot of LOTS) {
    const candidates = PROVIDER_TEMPLATES.flatMap(([, lots], index) =>
      lots.includes(lot.key) ? [index] : [],
    );
    anchors.set(lot.key, rng.pick(candidates));
  }
  const contracts: DemoMunicipality['contracts'] = [];
  let referenceNumber = rng.int(1, 9);
  providers.forEach((provider, providerIndex) => {
    const homeLots = at(PROVIDER_TEMPLATES, providerIndex)[1];
    const anchored = homeLots.filter((key) => anchors.get(key) === providerIndex);
    const chosen = new Set(anchored.length > 0 ? anchored : [rng.pick(homeLots)]);
    for (const key of homeLots) if (!chosen.has(key) && rng.chance(0.4)) chosen.add(key);
    for (const key of homeLots.filter((candidate) => chosen.has(candidate))) {
      const lot = lotByKey(key);
      const isAnchor = anchors.get(key) === providerIndex;
      let codes = isAnchor ? [...lot.provisionCodes] : lot.provisionCodes.filter(() => rng.chance(0.75));
      if (codes.length === 0) codes = [rng.pick(lot.provisionCodes)];
      const financingVariant = rng.pick(lot.variants);
      const endDate = rng.chance(0.6) ? period.ends[0] : period.ends[1];
      const years = Number(endDate.slice(0, 4)) - Number(period.start.slice(0, 4)) + 1;
      const bidders = PROVIDER_TEMPLATES.filter(([, lots]) => lots.includes(key)).length;
      const ceilingEuro = (rng.int(lot.annualBudgetEuro[0], lot.annualBudgetEuro[1]) * years) / bidders;
      // A task contract is a lump sum, so it needs a ceiling; for the others it is optional.
      const budgetCeilingCents =
        financingVariant === 'task' || rng.chance(0.5) ? Math.round(ceilingEuro / 1000) * 1000 * 100 : null;
      contracts.push({
        key: `contract-${String(contracts.length + 1).padStart(3, '0')}`,
        providerKey: provider.key,
        reference: `INK-${period.start.slice(0, 4)}-${String(referenceNumber).padStart(3, '0')}`,
        financingVariant,
        startDate: period.start,
        endDate,
        budgetCeilingCents,
        lines: codes.map((code) => ({
          provisionKey: provisionKey(code),
          tariffCents: drawTariff(rng, code),
        })),
      });
      referenceNumber += rng.int(1, 3);
    }
  });
  return contracts;
}

function drawTariff(rng: Rng, code: string): number {
  const range = catalogueEntry(code).tariffCents;
  if (range === null) throw new Error(`general provision ${code} has no tariff`);
  const tariff = rng.int(range[0], range[1]);
  // Negotiated prices are round to five cents; per-minute prices are too small for that.
  return range[1] - range[0] > 100 ? Math.max(5, Math.round(tariff / 5) * 5) : tariff;
}

// ---------------------------------------------------------------------------------------------
// Residents: test BSNs only (999900006–999999990), fictional names, a Dutch age pyramid.

// First names with the gender they are usually given to (LDT_Geslacht: 1 male, 2 female).
// biome-ignore format: a compact data table reads better than one value per line
const TRADITIONAL_FIRST_NAMES: readonly (readonly [string, Gender])[] = [
  ['Jan', '1'], ['Gerrit', '1'], ['Henk', '1'], ['Kees', '1'], ['Willem', '1'], ['Piet', '1'], ['Cor', '1'],
  ['Johanna', '2'], ['Maria', '2'], ['Riet', '2'], ['Ans', '2'], ['Truus', '2'], ['Wim', '1'], ['Klaas', '1'],
  ['Geertje', '2'], ['Hendrika', '2'], ['Dirk', '1'], ['Bep', '2'], ['Joke', '2'], ['Ton', '1'], ['Theo', '1'],
  ['Greet', '2'], ['Hassan', '1'], ['Aïcha', '2'],
];
// biome-ignore format: a compact data table reads better than one value per line
const CONTEMPORARY_FIRST_NAMES: readonly (readonly [string, Gender])[] = [
  ['Sanne', '2'], ['Daan', '1'], ['Emma', '2'], ['Noah', '1'], ['Julia', '2'], ['Sem', '1'], ['Lotte', '2'],
  ['Lucas', '1'], ['Fatima', '2'], ['Mohamed', '1'], ['Yasmina', '2'], ['Youssef', '1'], ['Anouk', '2'],
  ['Bram', '1'], ['Fleur', '2'], ['Thijs', '1'], ['Priya', '2'], ['Rajesh', '1'], ['Ayşe', '2'], ['Mehmet', '1'],
  ['Eva', '2'], ['Tim', '1'], ['Mila', '2'], ['Levi', '1'], ['Noor', '2'], ['Finn', '1'], ['Iris', '2'],
  ['Milan', '1'], ['Zoë', '2'], ['Amir', '1'], ['Dewi', '2'], ['Kevin', '1'], ['Samira', '2'], ['Joost', '1'],
  ['Ilse', '2'], ['Wouter', '1'], ['Marloes', '2'], ['Stefan', '1'], ['Esra', '2'], ['Sven', '1'],
];
// Family names as written, prefix (voorvoegsel) included; see FAMILY_NAME_PREFIXES.
// biome-ignore format: a compact data table reads better than one value per line
const LAST_NAMES = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'van Dijk', 'van den Berg', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'Vermeulen', 'Willems', 'Postma', 'el Amrani',
  'Yilmaz', 'Öztürk', 'Kaya', 'Bouzid', 'Ramdin', 'Soekhai', 'Nguyen', 'Kowalski', 'Haddou', 'Demir',
  'Ait Ali',
];
// The BRP keeps a prefix apart from the family name ("van der" + "Meer"); longest first.
const FAMILY_NAME_PREFIXES = ['van der', 'van den', 'van de', 'van', 'de', 'el'];

function splitFamilyName(written: string): { familyNamePrefix: string | null; familyName: string } {
  const prefix = FAMILY_NAME_PREFIXES.find((p) => written.startsWith(`${p} `));
  return prefix === undefined
    ? { familyNamePrefix: null, familyName: written }
    : { familyNamePrefix: prefix, familyName: written.slice(prefix.length + 1) };
}

// Age bands [from, to, percentage], roughly the Dutch population of 2026.
// biome-ignore format: a compact data table reads better than one value per line
const AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [0, 4, 5], [5, 11, 8], [12, 17, 7], [18, 26, 10], [27, 44, 22], [45, 64, 26], [65, 74, 11], [75, 84, 8], [85, 100, 3],
];
// Ages are counted at this date, so every birth date falls in 1925–2025.
const REFERENCE_YEAR = 2026;
const DAY_MS = 86_400_000;

function bsnCheckDigit(prefix: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (prefix.charCodeAt(i) - 48) * (9 - i);
  const digit = sum % 11;
  return digit === 10 ? null : digit;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

// Addresses: each neighbourhood has its own four-digit postcode area and its own streets, each
// street one postcode in that area. Street names are compounds of a stem and a street word.
// biome-ignore format: a compact data table reads better than one value per line
const STREET_STEMS = [
  'Linden', 'Eiken', 'Beuken', 'Kastanje', 'Wilgen', 'Berken', 'Populieren', 'Esdoorn', 'Meidoorn', 'Vlier',
  'Hazelaar', 'Iepen', 'Molen', 'Kerk', 'School', 'Dijk', 'Haven', 'Sluis', 'Brug', 'Veld', 'Akker', 'Weide',
  'Zuider', 'Noorder', 'Ooster', 'Wester', 'Tulpen', 'Rozen', 'Narcissen', 'Lelie', 'Merel', 'Lijster',
  'Specht', 'Zwaluw', 'Kievit', 'Reiger', 'Klaver', 'Zonnebloem', 'Heide', 'Beek',
];
const STREET_WORDS = ['straat', 'laan', 'weg', 'plein', 'hof', 'singel', 'kade', 'pad', 'dreef', 'erf'];
// Postcode letters without F, I, O, Q, U and Y (PostNL avoids them) and without S, so the
// combinations SA, SD and SS that PostNL never issues cannot occur.
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRTVWXZ';
const HOUSE_LETTERS = ['A', 'B', 'C'];
const HOUSE_NUMBER_ADDITIONS = ['1', '2', '3', 'I', 'II', 'hs'];

interface DemoStreet {
  name: string;
  postcode: string;
  /** The highest house number on the street. */
  lastNumber: number;
}

function generateStreets(
  seed: number,
  neighbourhoods: DemoMunicipality['neighbourhoods'],
): Map<string, DemoStreet[]> {
  const rng = createRng(seed, 'streets');
  const names = rng.shuffle(STREET_STEMS.flatMap((stem) => STREET_WORDS.map((word) => `${stem}${word}`)));
  // BU + municipality + district (2) + neighbourhood (2): the area follows district and number,
  // so neighbouring areas share their first digits, as real postcodes do.
  const base = rng.int(12, 88) * 100;
  const streets = new Map<string, DemoStreet[]>();
  let next = 0;
  for (const neighbourhood of neighbourhoods) {
    const area = base + Number(neighbourhood.code.slice(6, 8)) * 10 + Number(neighbourhood.code.slice(8, 10));
    const letters = new Set<string>();
    const own: DemoStreet[] = [];
    for (let count = rng.int(4, 7); own.length < count; ) {
      const pair = `${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
      if (letters.has(pair)) continue;
      letters.add(pair);
      own.push({ name: at(names, next), postcode: `${area}${pair}`, lastNumber: rng.int(12, 160) });
      next += 1;
    }
    streets.set(neighbourhood.code, own);
  }
  return streets;
}

function generateResidents(
  seed: number,
  neighbourhoods: DemoMunicipality['neighbourhoods'],
  place: string,
): DemoResident[] {
  const rng = createRng(seed, 'residents');
  // Addresses draw from their own stream, so adding them left every name and birth date as it was.
  const addressRng = createRng(seed, 'addresses');
  const streets = generateStreets(seed, neighbourhoods);
  const weights = neighbourhoods.map((neighbourhood) => neighbourhood.population);
  const bandWeights = AGE_BANDS.map((band) => band[2]);
  const bsns = new Set<string>();
  const residents: DemoResident[] = [];
  while (residents.length < RESIDENT_COUNT) {
    // Prefixes 99990000–99999999 with their check digit give exactly the reserved test range.
    const prefix = String(rng.int(99_990_000, 99_999_999));
    const checkDigit = bsnCheckDigit(prefix);
    if (checkDigit === null) continue;
    const bsn = `${prefix}${checkDigit}`;
    if (bsns.has(bsn)) continue;
    bsns.add(bsn);
    const band = pickWeighted(rng, AGE_BANDS, bandWeights);
    const birthYear = REFERENCE_YEAR - 1 - rng.int(band[0], band[1]);
    const dayOfYear = rng.int(0, isLeapYear(birthYear) ? 365 : 364);
    const dateOfBirth = new Date(Date.UTC(birthYear, 0, 1) + dayOfYear * DAY_MS).toISOString().slice(0, 10);
    const [givenNames, gender] = rng.pick(
      birthYear < 1960 ? TRADITIONAL_FIRST_NAMES : CONTEMPORARY_FIRST_NAMES,
    );
    const { familyNamePrefix, familyName } = splitFamilyName(rng.pick(LAST_NAMES));
    const neighbourhoodCode = pickWeighted(rng, neighbourhoods, weights).code;
    const street = addressRng.pick(streets.get(neighbourhoodCode) ?? []);
    const houseLetter = addressRng.chance(0.06) ? addressRng.pick(HOUSE_LETTERS) : null;
    const houseNumberAddition =
      houseLetter === null && addressRng.chance(0.06) ? addressRng.pick(HOUSE_NUMBER_ADDITIONS) : null;
    residents.push({
      bsn,
      name: composeName({ givenNames, familyNamePrefix, familyName }),
      dateOfBirth,
      neighbourhoodCode,
      gender,
      givenNames,
      familyNamePrefix,
      familyName,
      address: {
        street: street.name,
        houseNumber: addressRng.int(1, street.lastNumber),
        houseLetter,
        houseNumberAddition,
        postcode: street.postcode,
        place,
      },
    });
  }
  return residents;
}

// ---------------------------------------------------------------------------------------------

/**
 * The demo municipality for a seed and reference year; the same seed and year always give the
 * same (byte-identical) data.
 */
export function generateDemoMunicipality(
  seed: number = DEFAULT_DEMO_SEED,
  referenceYear: number = DEFAULT_REFERENCE_YEAR,
): DemoMunicipality {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(referenceYear) || referenceYear < 2015 || referenceYear > 2100) {
    throw new RangeError(`referenceYear must be a year from 2015, got ${referenceYear}`);
  }
  const { districts, neighbourhoods } = generateGeography(seed);
  const providers = generateProviders(seed);
  return {
    municipality: {
      code: MUNICIPALITY_CODE,
      name: MUNICIPALITY_NAME,
      population: neighbourhoods.reduce((sum, neighbourhood) => sum + neighbourhood.population, 0),
    },
    districts,
    neighbourhoods,
    providers,
    provisions: CATALOGUE.map(({ tariffCents: _tariff, ...entry }) => ({
      key: provisionKey(entry.code),
      ...entry,
    })),
    contracts: generateContracts(seed, providers, referenceYear),
    residents: generateResidents(seed, neighbourhoods, MUNICIPALITY_NAME),
  };
}
