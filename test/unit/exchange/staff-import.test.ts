import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectColumns, previewStaffCsv, validateStaffTable } from '../../../shared/exchange/staff-import';

const GOOD = [
  'Navn;Kompetanse;Stillingsprosent;Ønsket stilling;Ukentlig arbeidstid;Langvakt',
  'Kari Nordmann;Sykepleier;75;100;35,5;ja',
  'Ola Hansen;hfa;50 %;;;nei',
  'Per Å. Ås;assistent;100;;37,5;',
].join('\r\n');

describe('staff import: headers', () => {
  it('detects Norwegian headers in any order and case', () => {
    expect(detectColumns(['Stilling %', 'NAVN', 'Yrke', 'Langvakter', 'Ønsket stillingsprosent', 'Timer per uke'])).toEqual({
      position: 0,
      name: 1,
      competence: 2,
      consentsLongShifts: 3,
      wantedPosition: 4,
      weeklyHours: 5,
    });
  });

  it('a clean file gives a preview with every employee and no errors', () => {
    const p = previewStaffCsv(GOOD);
    expect(p.errors).toEqual([]);
    expect(p.ok).toBe(true);
    expect(p.employees).toEqual([
      { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.75, wantedPosition: 1, weeklyHours: 35.5, consentsLongShifts: true },
      { name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5, consentsLongShifts: false },
      { name: 'Per Å. Ås', competence: 'assistent', position: 1, weeklyHours: 37.5, consentsLongShifts: false },
    ]);
  });

  it('reads comma-separated files and a BOM too', () => {
    const p = previewStaffCsv('\uFEFFNavn,Kompetanse,Stillingsprosent\nKari,sykepleier,"75,5"\n');
    expect(p.ok).toBe(true);
    expect(p.employees[0].position).toBeCloseTo(0.755, 10);
  });
});

describe('staff import: every row error names the line and the field in Norwegian', () => {
  it('the messages a user sees', () => {
    const csv = [
      'Navn;Kompetanse;Stillingsprosent;Ønsket stilling;Ukentlig arbeidstid;Langvakt',
      'Kari;sykepleier;75;;;',
      ';sykepleier;50;;;',
      'Ola;sykepleier;120;;;',
      'Per;kokk;abc;;;',
      'Lise;assistent;80;60;99;kanskje',
      'Kari;assistent;40;;;',
    ].join('\n');
    const p = previewStaffCsv(csv, { existingNames: ['Berit'] });
    expect(p.ok).toBe(false);
    expect(p.employees.map((e) => e.name)).toEqual(['Kari']);
    expect(p.errors.map((e) => e.message)).toEqual([
      'Linje 3, Navn: mangler',
      'Linje 4, Stillingsprosent: «120» er ikke mellom 1 og 100',
      'Linje 5, Kompetanse: «kokk» er ukjent (bruk sykepleier, helsefagarbeider, assistent)',
      'Linje 5, Stillingsprosent: «abc» er ikke et tall (skriv stillingsprosent, f.eks. 75)',
      'Linje 6, Ukentlig arbeidstid: «99» er ikke mellom 20 og 48 timer',
      'Linje 6, Langvakt: «kanskje» er verken ja eller nei',
      'Linje 6, Ønsket stilling: «60» er lavere enn stillingsprosenten (80 %)',
      'Linje 7, Navn: «Kari» står også på linje 2',
    ]);
    expect(p.errors[1]).toMatchObject({ line: 4, field: 'Stillingsprosent' });
  });

  it('names are checked on rows with other errors too, so one round of fixes is enough', () => {
    const csv = ['Navn;Kompetanse;Stillingsprosent', 'Berit;kokk;50', 'Ola;sykepleier;abc', 'Ola;sykepleier;60'].join('\n');
    const p = previewStaffCsv(csv, { existingNames: ['Berit'] });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Linje 2, Kompetanse: «kokk» er ukjent (bruk sykepleier, helsefagarbeider, assistent)',
      'Linje 2, Navn: «Berit» finnes allerede i enheten',
      'Linje 3, Stillingsprosent: «abc» er ikke et tall (skriv stillingsprosent, f.eks. 75)',
      'Linje 4, Navn: «Ola» står også på linje 3',
    ]);
    expect(p.employees).toEqual([]);
  });

  it('a name already in the unit is refused', () => {
    const p = previewStaffCsv('Navn;Kompetanse;Stillingsprosent\nberit ;sykepleier;50\n', { existingNames: ['Berit'] });
    expect(p.errors.map((e) => e.message)).toEqual(['Linje 2, Navn: «berit» finnes allerede i enheten']);
  });

  it('a missing required column is named', () => {
    const p = previewStaffCsv('Navn;Stillingsprosent\nKari;50\n');
    expect(p.ok).toBe(false);
    expect(p.errors[0].message).toMatch(/^Linje 1, Kompetanse: fant ingen kolonne/);
  });

  it('an unclosed quote names its line', () => {
    const p = previewStaffCsv('Navn;Kompetanse;Stillingsprosent\nKari;sykepleier;50\n"Ola;hfa;50\n');
    expect(p.ok).toBe(false);
    expect(p.errors.some((e) => e.line === 3 && /anførselstegn/.test(e.message))).toBe(true);
  });

  it('line numbers follow the file when a quoted cell spans lines and blank lines are skipped', () => {
    const p = previewStaffCsv('Navn;Kompetanse;Stillingsprosent\n"Kari\nNordmann";sykepleier;50\n\nOla;hfa;0\n');
    expect(p.errors.map((e) => e.message)).toEqual(['Linje 5, Stillingsprosent: «0» er ikke mellom 1 og 100']);
  });

  it('an empty file and a header-only file are refused with a message', () => {
    expect(previewStaffCsv('').errors[0].message).toBe('Filen: er tom (fant ingen overskriftslinje)');
    expect(previewStaffCsv('Navn;Kompetanse;Stillingsprosent\n').errors[0].message).toBe(
      'Filen: har ingen ansatte under overskriftslinjen',
    );
  });

  it('the user can override the column mapping', () => {
    const p = validateStaffTable(
      {
        rows: [
          { line: 1, cells: ['A', 'B', 'C'] },
          { line: 2, cells: ['Kari', 'sykepleier', '60'] },
        ],
      },
      { mapping: { name: 0, competence: 1, position: 2 } },
    );
    expect(p.ok).toBe(true);
    expect(p.employees[0]).toEqual({ name: 'Kari', competence: 'sykepleier', position: 0.6 });
  });
});

describe('staff import: fuzzing (no crash, clear errors, never a half-valid result)', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '',
      ' ',
      '75',
      '120',
      '0',
      '-5',
      '1e2',
      '75,5',
      '0,75',
      'abc',
      'ja',
      'nei',
      'x',
      'sykepleier',
      'HFA',
      '"',
      ';',
      '\n',
      '=1+1',
    ),
    fc.integer({ min: -500, max: 500 }).map(String),
    fc.double({ noNaN: false }).map(String),
  );
  const header = fc.shuffledSubarray(
    ['Navn', 'Kompetanse', 'Stillingsprosent', 'Ønsket stilling', 'Ukentlig arbeidstid', 'Langvakt', 'Annet'],
    { minLength: 0 },
  );

  it('property: any generated CSV gives either a clean preview or Norwegian errors with a line', () => {
    fc.assert(
      fc.property(
        header,
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
        fc.constantFrom(';', ',', '\t'),
        (head, rows, sep) => {
          const text = [head.join(sep), ...rows.map((r) => r.join(sep))].join('\n');
          const p = previewStaffCsv(text);
          if (p.ok) {
            expect(p.errors).toEqual([]);
            expect(p.employees.length).toBeGreaterThan(0);
            for (const e of p.employees) {
              expect(e.position).toBeGreaterThan(0);
              expect(e.position).toBeLessThanOrEqual(1);
              expect(e.name.trim()).not.toBe('');
            }
          } else {
            expect(p.errors.length).toBeGreaterThan(0);
            for (const e of p.errors) expect(e.message).toMatch(/^(Linje \d+|Filen)[,:] /);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('property: arbitrary text (binary-ish, huge cells) never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (text) => {
        const p = previewStaffCsv(text);
        expect(typeof p.ok).toBe('boolean');
        if (!p.ok) expect(p.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
