import fc from 'fast-check';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import { daysBetween } from './calendar-date.js';
import {
  type DecisionLetterInput,
  type DecisionProvision,
  formatDutchDate,
  formatDutchNumber,
  formatVolume,
  generateDecisionLetter,
  objectionDeadline,
  renderDecisionLetter,
  toWinAnsi,
  validateDecisionLetterInput,
} from './decision-letter.js';

function provision(overrides: Partial<DecisionProvision> = {}): DecisionProvision {
  return {
    name: 'Huishoudelijke ondersteuning',
    kind: 'tailored',
    form: 'in_kind',
    providerName: 'Thuiszorg De Linde',
    volume: 3,
    unitLabel: 'uur',
    frequencyLabel: 'per week',
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    granted: true,
    reasoning: 'U kunt uw huis niet zelf schoonhouden en uw netwerk kan dit niet overnemen.',
    ...overrides,
  };
}

function letter(overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  return {
    municipalityName: 'Súdwest-Fryslân',
    caseReference: 'WMO-2026-000123',
    decisionDate: '2026-03-15',
    resident: { name: 'Zoë Çelik-Brüggen', address: 'Dorpsstraat 12, 8601 AB Sneek' },
    law: 'wmo',
    outcome: 'granted',
    provisions: [provision()],
    caseWorkerName: 'Anouk de Vries',
    ...overrides,
  };
}

function domainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F; Node's TextDecoder does not always make the
// difference, so the range is spelled out (U+FFFD where the code page has no character).
const CP1252_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

function decodeWinAnsi(bytes: Uint8Array): string {
  return Array.from(bytes, (b) =>
    b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? '') : String.fromCharCode(b),
  ).join('');
}

/** The text shown by the PDF's own content streams (Helvetica draws WinAnsi hex strings). */
async function textInPdf(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const shown: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of streams) {
      const stream = ref === undefined ? undefined : doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
      for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        const hex = match[1] ?? '';
        const bytesOfText = new Uint8Array(hex.length / 2);
        for (let i = 0; i < bytesOfText.length; i += 1)
          bytesOfText[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
        shown.push(decodeWinAnsi(bytesOfText));
      }
    }
  }
  return shown.join('\n');
}

describe('objectionDeadline and Dutch formatting', () => {
  it('is six weeks after the decision date, across months and years', () => {
    expect(objectionDeadline('2026-03-15')).toBe('2026-04-26');
    expect(objectionDeadline('2026-12-01')).toBe('2027-01-12');
    expect(objectionDeadline('2024-01-20')).toBe('2024-03-02'); // through a leap day
  });

  it('always falls 42 days later on the same weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const decision = new Date(Date.UTC(1990, 0, 1 + offset)).toISOString().slice(0, 10);
        const deadline = objectionDeadline(decision);
        expect(daysBetween(decision, deadline)).toBe(42);
        expect(formatDutchDate(deadline, true).split(' ')[0]).toBe(
          formatDutchDate(decision, true).split(' ')[0],
        );
      }),
    );
  });

  it('writes dates the Dutch way', () => {
    expect(formatDutchDate('2026-03-15')).toBe('15 maart 2026');
    expect(formatDutchDate('2026-04-26', true)).toBe('zondag 26 april 2026');
    expect(formatDutchDate('1970-01-01', true)).toBe('donderdag 1 januari 1970');
  });

  it('writes numbers and amounts the Dutch way', () => {
    expect(formatDutchNumber(1250.5)).toBe('1.250,5');
    expect(formatDutchNumber(1250.5, true)).toBe('1.250,50');
    expect(formatDutchNumber(3)).toBe('3');
    expect(formatDutchNumber(1_234_567)).toBe('1.234.567');
    expect(formatVolume({ volume: 3, unitLabel: 'uur', frequencyLabel: 'per week' })).toBe('3 uur per week');
    expect(formatVolume({ volume: 1250.5, unitLabel: '€', frequencyLabel: 'per maand' })).toBe(
      '€ 1.250,50 per maand',
    );
    expect(formatVolume({ volume: 4, unitLabel: null, frequencyLabel: null })).toBe('4');
    expect(formatVolume({ volume: null, unitLabel: 'uur', frequencyLabel: 'per week' })).toBeNull();
  });
});

describe('toWinAnsi', () => {
  const supported = new Set([...'abcdefghijklmnopqrstuvwxyzLSIC -?ëéïüÇ€'].map((c) => c.codePointAt(0) ?? 0));

  it('keeps WinAnsi characters and maps others to their base letter', () => {
    expect(toWinAnsi('Zoë Çelik', supported)).toBe('?oë Çelik');
    expect(toWinAnsi('Łukasz Şahin', supported)).toBe('Lukasz Sahin');
    expect(toWinAnsi('İlkay', supported)).toBe('Ilkay');
    expect(toWinAnsi('a\tb\nc', supported)).toBe('a b c');
    expect(toWinAnsi('€ 文', supported)).toBe('€ ?');
  });
});

describe('validateDecisionLetterInput', () => {
  it('accepts a complete letter', () => {
    expect(() => validateDecisionLetterInput(letter())).not.toThrow();
  });

  it.each<[string, Partial<DecisionLetterInput>, string]>([
    ['no provisions', { provisions: [] }, 'provisions'],
    [
      'an end before the start',
      { provisions: [provision({ endDate: '2026-03-31' })] },
      'provisions.0.endDate',
    ],
    [
      'a refusal without reasoning',
      { outcome: 'refused', provisions: [provision({ granted: false, reasoning: '  ' })] },
      'provisions.0.reasoning',
    ],
    ['an invalid decision date', { decisionDate: '2026-02-30' }, 'decisionDate'],
    [
      'an invalid start date',
      { provisions: [provision({ startDate: '1-4-2026' })] },
      'provisions.0.startDate',
    ],
    ['a missing resident name', { resident: { name: ' ' } }, 'resident.name'],
    ['a missing case reference', { caseReference: '' }, 'caseReference'],
    ['a non-positive volume', { provisions: [provision({ volume: 0 })] }, 'provisions.0.volume'],
    [
      'a general provision as pgb',
      { provisions: [provision({ kind: 'general', form: 'personal_budget' })] },
      'provisions.0.form',
    ],
    [
      '"granted" with a refused provision',
      { provisions: [provision(), provision({ granted: false })] },
      'outcome',
    ],
    ['"refused" with a granted provision', { outcome: 'refused' }, 'outcome'],
    [
      '"partly granted" with nothing granted',
      { outcome: 'partly_granted', provisions: [provision({ granted: false })] },
      'outcome',
    ],
  ])('rejects %s', (_name, overrides, field) => {
    const error = domainError(() => validateDecisionLetterInput(letter(overrides)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe(field);
    expect(error.message).not.toBe('');
  });

  it('accepts an end date equal to the start date and an open end', () => {
    expect(() =>
      validateDecisionLetterInput(letter({ provisions: [provision({ endDate: '2026-04-01' })] })),
    ).not.toThrow();
    expect(() =>
      validateDecisionLetterInput(letter({ provisions: [provision({ endDate: null })] })),
    ).not.toThrow();
  });

  it('is applied before anything is drawn', async () => {
    await expect(renderDecisionLetter(letter({ provisions: [] }))).rejects.toBeInstanceOf(DomainError);
  });
});

describe('renderDecisionLetter', () => {
  it('produces a PDF that loads back, with metadata from the input', async () => {
    const pdf = await generateDecisionLetter(letter());
    expect(new TextDecoder('latin1').decode(pdf.slice(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toContain('WMO-2026-000123');
    expect(doc.getTitle()).toContain('Beschikking Wmo 2015');
    expect(doc.getAuthor()).toBe('Gemeente Súdwest-Fryslân');
    expect(doc.getSubject()).toContain('WMO-2026-000123');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-03-15T00:00:00.000Z');
  });

  it('gives the same bytes for the same input', async () => {
    const [a, b] = await Promise.all([generateDecisionLetter(letter()), generateDecisionLetter(letter())]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes the letter in Dutch with the decision, legal basis and objection deadline', async () => {
    const { lines } = await renderDecisionLetter(letter());
    const text = lines.map((l) => l.text);
    expect(text[0]).toBe('Gemeente Súdwest-Fryslân');
    expect(text).toContain('Zoë Çelik-Brüggen');
    expect(text).toContain('Dorpsstraat 12');
    expect(text).toContain('8601 AB Sneek');
    expect(text).toContain('Datum 15 maart 2026');
    expect(text).toContain('Ons kenmerk WMO-2026-000123');
    expect(text).toContain('Onderwerp Beschikking Wmo 2015');
    expect(text).toContain('Beste Zoë Çelik-Brüggen,');
    expect(text).toContain('1. Huishoudelijke ondersteuning');
    expect(text).toContain('Besluit toegekend');
    expect(text).toContain('Vorm zorg in natura');
    expect(text).toContain('Omvang 3 uur per week');
    expect(text).toContain('Periode van 1 april 2026 tot en met 31 maart 2027');
    const all = text.join(' ');
    expect(all).toContain('Wij kennen uw aanvraag toe.');
    expect(all).toContain('artikel 2.3.5 van de Wet maatschappelijke ondersteuning 2015');
    expect(all).toContain(
      'binnen zes weken na de dag van verzending bezwaar maken (Algemene wet bestuursrecht, art. 6:7)',
    );
    expect(all).toContain('uiterlijk op zondag 26 april 2026 door ons zijn ontvangen');
    expect(all).toContain('namens het college van burgemeester en wethouders van Súdwest-Fryslân');
    expect(text).toContain('Gemeente Súdwest-Fryslân · kenmerk WMO-2026-000123 · pagina 1 van 2');
    expect(text.at(-1)).toBe('Gemeente Súdwest-Fryslân · kenmerk WMO-2026-000123 · pagina 2 van 2');
  });

  it('draws into the PDF exactly the text it reports, Dutch characters and € included', async () => {
    const { pdf, lines } = await renderDecisionLetter(
      letter({
        provisions: [
          provision({
            name: 'Persoonsgebonden budget begeleiding',
            form: 'personal_budget',
            providerName: null,
            volume: 1250.5,
            unitLabel: '€',
            frequencyLabel: 'per maand',
            reasoning:
              'U regelt de begeleiding zelf; het budget is gebaseerd op het tarief van € 62,50 per uur.',
          }),
        ],
      }),
    );
    const text = await textInPdf(pdf);
    expect(text).toContain('Zoë Çelik-Brüggen');
    expect(text).toContain('Omvang');
    expect(text).toContain('€ 1.250,50 per maand');
    expect(text).toContain('€ 62,50 per uur');
    expect(text).toContain('zondag 26 april 2026');
    expect(text).toContain('persoonsgebonden budget (pgb)');
    expect(text).toContain('artikel 2.3.6');
    // Every reported line was drawn (labelled rows are drawn as two pieces).
    for (const line of lines) {
      for (const piece of line.text.split(
        /(?<=^(?:Besluit|Datum|Ons kenmerk|Behandeld door|Onderwerp|Soort voorziening|Vorm|Aanbieder|Omvang|Periode|Motivering)) /,
      )) {
        expect(text).toContain(piece);
      }
    }
  });

  it('maps names outside WinAnsi instead of failing', async () => {
    const { lines } = await renderDecisionLetter(
      letter({ resident: { name: 'Łukasz Şahin-Ağaoğlu', address: null } }),
    );
    expect(lines.map((l) => l.text)).toContain('Lukasz Sahin-Agaoglu');
  });

  it('adds pages for many provisions and repeats the header and page numbers', async () => {
    const single = await renderDecisionLetter(letter());
    const many = await renderDecisionLetter(
      letter({
        outcome: 'partly_granted',
        provisions: Array.from({ length: 30 }, (_, i) =>
          provision({
            name: `Voorziening ${i + 1}`,
            granted: i % 3 !== 0,
            reasoning:
              i % 3 === 0
                ? 'Uw netwerk en de algemene voorzieningen in uw wijk bieden voldoende ondersteuning. Daarom is een maatwerkvoorziening niet nodig. '.repeat(
                    3,
                  )
                : 'Nodig om zelfstandig te blijven wonen.',
          }),
        ),
      }),
    );
    expect(single.pageCount).toBeGreaterThanOrEqual(1);
    expect(many.pageCount).toBeGreaterThan(single.pageCount);
    const doc = await PDFDocument.load(many.pdf);
    expect(doc.getPageCount()).toBe(many.pageCount);
    const lastPage = many.pageCount;
    expect(many.lines.map((l) => l.text)).toContain(
      `Gemeente Súdwest-Fryslân · kenmerk WMO-2026-000123 · pagina ${lastPage} van ${lastPage}`,
    );
    expect(many.lines.filter((l) => l.page === 2)[0]?.text).toBe(
      'Gemeente Súdwest-Fryslân · Beschikking Wmo 2015 · kenmerk WMO-2026-000123',
    );
    expect(many.lines.map((l) => l.text)).toContain('30. Voorziening 30');
    expect(many.lines.map((l) => l.text).join(' ')).toContain('Wij kennen uw aanvraag gedeeltelijk toe.');
  });

  it('wraps long text within the page width, cutting words that are longer than a line', async () => {
    const long = 'Onderbouwing '.repeat(60) + 'x'.repeat(200);
    const { lines } = await renderDecisionLetter(
      letter({ outcome: 'refused', provisions: [provision({ granted: false, reasoning: long })] }),
    );
    const reasoning = lines.filter((l) => l.text.includes('Onderbouwing') || /^x+$/.test(l.text));
    expect(reasoning.length).toBeGreaterThan(3);
    expect(lines.some((l) => /^x+$/.test(l.text))).toBe(true);
    expect(lines.map((l) => l.text).join(' ')).toContain('Wij wijzen uw aanvraag af.');
  });

  it('names the law of the case', async () => {
    const youth = await renderDecisionLetter(
      letter({
        law: 'youth',
        provisions: [provision({ name: 'Ambulante jeugdhulp', form: 'personal_budget' })],
      }),
    );
    const youthText = youth.lines.map((l) => l.text).join(' ');
    expect(youthText).toContain('Onderwerp Beschikking Jeugdwet');
    expect(youthText).toContain('artikel 2.3 van de Jeugdwet');
    expect(youthText).toContain('artikel 8.1.1 van de Jeugdwet');
    const participation = await renderDecisionLetter(
      letter({ law: 'participation', municipalityName: 'Gemeente Utrecht' }),
    );
    const participationText = participation.lines.map((l) => l.text).join(' ');
    expect(participationText).toContain('Onderwerp Beschikking Participatiewet');
    expect(participationText).toContain('op grond van de Participatiewet');
    expect(participation.lines[0]?.text).toBe('Gemeente Utrecht');
  });
});
