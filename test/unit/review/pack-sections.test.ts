/**
 * The review pack of issue 17, section by section: the walkthrough plan printed by Chromium and
 * read back with pdftotext, plus the wording rules (tense of the drøfting, agreements on file,
 * Norwegian assumptions, rules by title) and the weekend numbering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDay, toDay } from '../../../shared/calendar';
import { reviewPackInput, type PackContext } from '../../../shared/review/analysis';
import { buildReviewPackHtml, PACK_SECTIONS } from '../../../shared/review/pack';
import { nbShort } from '../../../shared/review/pack-format';
import { weekendGroupOf, weekendNumber, weekendRhythm } from '../../../shared/review/weekend-rhythm';
import { findChromium, htmlToPdf } from '../../../electron/backend/exchange/pdf';
import { tempDir } from '../backend/helpers';
import { walkthroughPlan, WALKTHROUGH_AGREEMENT } from './walkthrough';

function ctx(over: Partial<PackContext> = {}): PackContext {
  return {
    plan: walkthroughPlan(),
    planName: 'Turnus vår 2027',
    status: { status: 'til_drofting', droftingDate: '2027-01-10', droftingNames: ['Siri Tillit (NSF)', 'Geir Fag (Fagforbundet)'] },
    agreementRecords: [WALKTHROUGH_AGREEMENT],
    generatedAt: '2026-12-07T05:00:00.000Z',
    generatedBy: 'Leder',
    ...over,
  };
}

const html = (c: PackContext = ctx()) => buildReviewPackHtml(reviewPackInput(c));
const plain = (h: string) =>
  h
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('review pack PDF, section by section (pdftotext)', () => {
  it.skipIf(!findChromium())(
    'every section with its legal source, and the answers a tillitsvalgt looks for',
    async () => {
      const pdf = await htmlToPdf(html(), { paper: 'A4' });
      const file = path.join(tempDir(), 'pakke.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const s of PACK_SECTIONS) {
        expect(text).toContain(`${s.title} Hjemmel: ${s.law}`);
      }
      // Plan grid with coverage rows under each month.
      expect(text).toContain('februar 2027');
      expect(text).toContain('juli 2027');
      expect(text).toMatch(/Mangler D( \d)+/);
      // Open shifts by day, shift and competence, with the meeting that explains a short day.
      expect(text).toMatch(/ons\. 03\.02\.2027 D: 1 sykepleier og 3 uansett kompetanse; A: 1 sykepleier 37,5 MØTE: 5 ansatte/);
      // Weekend groups and each person's weekends against the rhythm.
      expect(text).toMatch(/gruppe 2 13\.02, 13\.03, 10\.04, 08\.05, 05\.06, 03\.07/);
      expect(text).toMatch(/Ola Hansen gruppe 2 6 13\.02, 13\.03/);
      // Consent register.
      expect(text).toMatch(/16 ansatte har samtykket til langvakter; 1 samtykke mangler dato\. 1 ansatt er fritatt fra nattarbeid\./);
      expect(text).toMatch(/Marit Pedersen ja, samtykket 07\.09\.2026 \d+ ja, fritatt/);
      // Agreements beside every relaxed limit.
      expect(text).toMatch(
        /Lengste vakt 12,5 t avtale med tillitsvalgte \(NSF og Fagforbundet, 01\.10\.2026\), aml § 10-5 \(2\) Avtale 01\.10\.2026, NSF og Fagforbundet/,
      );
      expect(text).toMatch(/Flest timer i én uke 54 t .*ingen avtale registrert/);
      // Delt vakt beside the other limits (off in the walkthrough: no agreement needed).
      expect(text).toMatch(/Delt vakt ingen delt vakt aml § 10-8 \(1\) lovens hovedregel, ingen avtale trengs/);
      // Rules by Norwegian title, errors first.
      expect(text).toMatch(/Søn- og helgedagsarbeid: \d+ brudd Hjemmel: aml § 10-8 \(4\)/);
      expect(text).not.toMatch(/AML-[A-Z]|VACATION-PLACED|LONG-SHIFT-CONSENT|rules\./);
      // Hours and positions with the ansattnr.
      expect(text).toMatch(/Kari Nordmann 10401 sykepleier 100,0 %/);
      // Assumptions: named lines with formatted numbers, no raw keys or JSON.
      expect(text).toContain('Overtidstillegg, helligdag 133,3 %');
      expect(text).toContain('Andel av vikartimene: Overtid 16 %');
      expect(text).not.toMatch(/\[KONFIG\]|UVERIFISERT|ordinary|eveningWeekend|\{"|\["/);
      // Drøfting and signatures with the recorded names; Norwegian dates in the footer.
      expect(text).toContain(
        'Planen skal drøftes med Siri Tillit (NSF) og Geir Fag (Fagforbundet) 10.01.2027, innenfor fristen 18.01.2027',
      );
      expect(text).toContain('Geir Fag (Fagforbundet) (tillitsvalgt)');
      expect(text).toContain('Laget 07.12.2026 kl. 06:00 av Leder');
    },
    90_000,
  );
});

describe('review pack wording', () => {
  it('drøfting: a future date «skal drøftes», a past one «drøftet», a late one warns', () => {
    expect(plain(html())).toContain(
      'Planen skal drøftes med Siri Tillit (NSF) og Geir Fag (Fagforbundet) 10.01.2027, innenfor fristen 18.01.2027',
    );
    const past = plain(html(ctx({ generatedAt: '2027-01-12T10:00:00Z' })));
    expect(past).toContain('Drøftet med Siri Tillit (NSF) og Geir Fag (Fagforbundet) 10.01.2027, innenfor fristen 18.01.2027');
    const late = plain(html(ctx({ status: { status: 'til_drofting', droftingDate: '2027-01-25', droftingNames: ['Siri'] } })));
    expect(late).toContain('Planen skal drøftes med Siri 25.01.2027, etter fristen 18.01.2027');
    const lateDone = plain(
      html(
        ctx({
          status: { status: 'til_drofting', droftingDate: '2027-01-25', droftingNames: ['Siri'] },
          generatedAt: '2027-01-26T10:00:00Z',
        }),
      ),
    );
    expect(lateDone).toContain('Planen ble drøftet med Siri 25.01.2027, senere enn fristen 18.01.2027');
  });

  it('a relaxed limit with no agreement on file says «ingen avtale registrert»; a statutory one needs none', () => {
    const c = ctx({ agreementRecords: [] });
    c.plan.rules!.agreements = { maxShiftHours: 12.5, dailyRestMinHours: 9 };
    const t = plain(html(c));
    expect(t).toMatch(
      /Lengste vakt 12,5 t planens grense krever avtale med tillitsvalgte, men ingen avtale er registrert, aml § 10-5 \(2\) ingen avtale registrert/,
    );
    expect(t).toMatch(
      /Daglig arbeidsfri minst 9 t planens grense krever avtale med tillitsvalgte, men ingen avtale er registrert, aml § 10-8 \(3\) ingen avtale registrert/,
    );
    expect(t).toMatch(/Ukentlig arbeidsfri minst 35 t aml § 10-8 \(2\) lovens hovedregel, ingen avtale trengs/);
  });

  it('delt vakt is in the agreements table like the other limits: off, relaxed with no record, and with its record', () => {
    expect(plain(html())).toMatch(/Delt vakt ingen delt vakt aml § 10-8 \(1\) lovens hovedregel, ingen avtale trengs/);
    const c = ctx({ agreementRecords: [] });
    c.plan.rules = { ...c.plan.rules, splitShiftMaxBreakHours: 4 };
    expect(plain(html(c))).toMatch(/Delt vakt pause høyst 4 t [^<]*?aml § 10-8 \(1\), \(3\) ingen avtale registrert/);
    const rec = {
      key: 'splitShiftMaxBreakHours' as const,
      signedDate: '2026-11-15',
      parties: 'NSF og Fagforbundet',
      validUntil: '2027-12-31',
    };
    const d = ctx({ agreementRecords: [WALKTHROUGH_AGREEMENT, rec] });
    d.plan.rules = { ...d.plan.rules, splitShiftMaxBreakHours: 4 };
    expect(plain(html(d))).toMatch(
      /Delt vakt pause høyst 4 t avtale om delt vakt \(NSF og Fagforbundet, 15\.11\.2026–31\.12\.2027\), aml § 10-8 \(1\), \(3\) Avtale 15\.11\.2026, NSF og Fagforbundet, gjelder til 31\.12\.2027\./,
    );
  });

  it('an agreement that ends before the plan is flagged', () => {
    const t = plain(html(ctx({ agreementRecords: [{ ...WALKTHROUGH_AGREEMENT, validUntil: '2027-03-31' }] })));
    expect(t).toContain('Avtale 01.10.2026, NSF og Fagforbundet, gjelder til 31.03.2027. Utløper før planen slutter (31.07.2027).');
  });

  it('red days worked and free, the average week and the weekly norm are printed per person from the report', () => {
    const input = reviewPackInput(ctx());
    const kari = input.employees[0];
    expect(kari.redDaysWorked).toBeGreaterThanOrEqual(0);
    expect((kari.redDaysWorked ?? 0) + (kari.redDaysFree ?? 0)).toBeGreaterThan(0);
    const t = plain(buildReviewPackHtml(input));
    expect(t).not.toContain('Regelmotoren gir ennå ikke røde dager');
    input.employees[0] = { ...kari, redDaysWorked: 9, redDaysFree: 22, averageWeeklyHours: 35.25, weeklyNorm: 35.5 };
    expect(plain(buildReviewPackHtml(input))).toMatch(/Kari Nordmann 9 22 35,25 35,5/);
  });

  it('planned overtime per person beside the average week, with the hours beyond the full-time day (OVERTIME-DAY)', () => {
    const plan = walkthroughPlan();
    const d = plan.shiftTypes.find((s) => s.code === 'D')!;
    const part = plan.employees.find((e) => e.position < 1 && plan.assignments.some((a) => a.employee === e.id && a.code === 'D'))!;
    const day = plan.assignments.find((a) => a.employee === part.id && a.code === 'D' && a.date >= plan.period.start)!.date;
    const [h, m] = d.end.split(':').map(Number);
    const end = `${String(h + 2).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    plan.activities = [{ code: 'MØTE', date: day, start: d.end, end, employees: [part.id] }];
    const input = reviewPackInput(ctx({ plan }));
    const row = input.employees.find((r) => r.id === part.id)!;
    expect(row.dayOvertimeHours).toBeGreaterThan(0);
    expect(row.overtimeHours).toBeGreaterThanOrEqual(row.dayOvertimeHours!);
    const t = plain(buildReviewPackHtml(input));
    expect(t).toContain('Norm t/uke Overtid t Herav utover full dag');
    const one = (x: number) => nbShort(x, 1);
    expect(t).toMatch(new RegExp(`${part.name} \\d+ \\d+ [\\d,]+ [\\d,]+ ${one(row.overtimeHours!)} ${one(row.dayOvertimeHours!)} `));
  });

  it('information hits are short and separate; errors come before warnings', () => {
    const input = reviewPackInput(ctx());
    input.hits = [
      { rule: 'MAX-CONSECUTIVE-DAYS', employee: '1', date: '2027-02-10', severity: 'warning', message: 'Mange dager', source: 'lokal' },
      { rule: 'VACATION-PLACED', employee: '2', date: '2027-02-11', severity: 'info', message: 'Ferie lagt', source: 'ferieloven § 6' },
      { rule: 'VACATION-PLACED', employee: '3', date: '2027-02-12', severity: 'info', message: 'Ferie lagt', source: 'ferieloven § 6' },
      { rule: 'AML-REST-DAILY', employee: '1', date: '2027-02-09', severity: 'error', message: 'For kort hvile', source: 'aml § 10-8 (1)' },
    ];
    const t = plain(buildReviewPackHtml(input));
    expect(t.indexOf('Daglig arbeidsfri: 1 brudd')).toBeGreaterThan(0);
    expect(t.indexOf('Daglig arbeidsfri: 1 brudd')).toBeLessThan(t.indexOf('Arbeidsdager på rad: 1 varsel'));
    expect(t).toMatch(/Til orientering .*\(ferieloven § 6\): 2 merknader, Ola Hansen og Ingrid Johansen\./);
    expect(t).not.toContain('Ferie lagt');
    expect(t).not.toContain('VACATION-PLACED');
  });
});

describe('weekend numbering (plan-format.md «Weekend groups»)', () => {
  it('the anchor weekend is 0 and group 0; the next k−1 weekends are groups 1 … k−1', () => {
    const r = weekendRhythm(walkthroughPlan());
    expect(r.anchor).toBe('2027-02-06');
    expect(r.weekends.slice(0, 5).map((w) => w.group)).toEqual([0, 1, 2, 3, 0]);
  });

  it('property: n mod k for any anchor and Saturday, also before the anchor; shifting the anchor by k weekends changes nothing', () => {
    const sat0 = toDay('2027-02-06');
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 8 }), (a, b, k) => {
        const anchor = sat0 + 7 * a;
        const sat = sat0 + 7 * b;
        const n = weekendNumber(sat, anchor);
        expect(n).toBe(b - a);
        const g = weekendGroupOf(n, k);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(k);
        expect(weekendGroupOf(weekendNumber(sat, anchor + 7 * k), k)).toBe(g);
        // A Sunday belongs to its Saturday's weekend.
        expect(weekendNumber(sat + 1, anchor)).toBe(n);
        expect(fromDay(sat)).toMatch(/^\d{4}-\d\d-\d\d$/);
      }),
      { numRuns: 500 },
    );
  });
});
