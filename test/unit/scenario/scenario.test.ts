import { describe, expect, it } from 'vitest';
import { rankCandidates, stillingsokning } from '../../../shared/scenario/assistant';
import { compareScenarios } from '../../../shared/scenario/compare';
import { applyTransform, createScenario } from '../../../shared/scenario/transforms';
import type { TurnusPlan } from '../../../shared/plan/model';
import { handModel, weekPlan } from '../metrics/fixture-week';

/**
 * Two weeks (Mon 2026-01-05 – Sun 2026-01-18), D 07:30–15:00 (7.5 h), A 15:00–22:30, demand
 * 2 D every weekday. Siri (100 %) works D every weekday except FE Wed 7 and Thu 8, so 12 D
 * shifts are open (1 per weekday + 1 more on her two vacation days). Full time = 35.5 × 2 = 71 h.
 */
function twoWeeks(): TurnusPlan {
  const a = (employee: string, date: string, code: string) => ({ employee, date, code });
  const weekdays = ['05', '06', '07', '08', '09', '12', '13', '14', '15', '16'].map((d) => `2026-01-${d}`);
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Pilot' },
    period: { start: '2026-01-05', end: '2026-01-18' },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00' },
      { code: 'A', start: '15:00', end: '22:30' },
    ],
    employees: [
      { id: 'siri', name: 'Siri', competence: 'sykepleier', position: 1 },
      { id: 'per', name: 'Per', competence: 'helsefagarbeider', position: 0.1, wantedPosition: 0.25 },
      { id: 'anne', name: 'Anne', competence: 'helsefagarbeider', position: 0.1, wantedPosition: 0.3 },
      { id: 'ola', name: 'Ola', competence: 'helsefagarbeider', position: 0.1, wantedPosition: 0.25 },
      { id: 'bjorn', name: 'Bjørn', competence: 'helsefagarbeider', position: 0.2, wantedPosition: 0.5 },
      { id: 'aase', name: 'Åse', competence: 'helsefagarbeider', position: 0.2, wantedPosition: 0.4 },
      { id: 'orjan', name: 'Ørjan', competence: 'helsefagarbeider', position: 0.2, wantedPosition: 0.4 },
    ],
    demand: [{ dayType: 'weekday', shift: 'D', competence: 'any', count: 2 }],
    assignments: [
      ...weekdays.filter((d) => d !== '2026-01-07' && d !== '2026-01-08').map((d) => a('siri', d, 'D')),
      a('siri', '2026-01-07', 'FE'),
      a('siri', '2026-01-08', 'FE'),
      a('per', '2026-01-05', 'A'), // A Monday evening: a D on Tuesday gives only 9 h rest
    ],
  };
}

const priority = { per: { fortrinnsrett: true, regularExtraHours: true }, anne: { fortrinnsrett: true }, ola: { regularExtraHours: true } };

describe('stillingsøkning assistant', () => {
  it('ranks fortrinnsrett (§ 14-3), then § 14-4 a, then the largest gap, then name in Norwegian order', () => {
    const r = rankCandidates([
      { name: 'Åse', fortrinnsrett: false, regular: false, gap: 0.4 },
      { name: 'Ørjan', fortrinnsrett: false, regular: false, gap: 0.4 },
      { name: 'Bjørn', fortrinnsrett: false, regular: false, gap: 0.5 },
      { name: 'Ola', fortrinnsrett: false, regular: true, gap: 0.25 },
      { name: 'Anne', fortrinnsrett: true, regular: false, gap: 0.3 },
      { name: 'Per', fortrinnsrett: true, regular: true, gap: 0.14 },
    ]);
    // Ø before Å in Norwegian (code-point order would put Å first).
    expect(r.map((x) => x.name)).toEqual(['Per', 'Anne', 'Ola', 'Bjørn', 'Ørjan', 'Åse']);
  });

  const res = stillingsokning(twoWeeks(), { priority });
  const p = (id: string) => res.people.find((x) => x.id === id)!;
  const dates = (id: string) => p(id).offers.map((o) => o.date.slice(8));

  it('offers the 12 open shifts person by person in rank order, up to each wish', () => {
    expect(res.people.map((x) => x.id)).toEqual(['per', 'anne', 'ola', 'bjorn', 'orjan', 'aase']);
    // Per: cap 0.25 × 71 = 17.75 h, has 7.5 → one more; Tue 6 is stopped by the daily rest rule.
    expect(dates('per')).toEqual(['07']);
    expect(p('per').rejected).toEqual([{ date: '2026-01-06', shift: 'D', rules: ['AML-REST-DAILY'] }]);
    expect(dates('anne')).toEqual(['05', '06']); // cap 21.3 h → 2 shifts
    expect(dates('ola')).toEqual(['07', '08']); // cap 17.75 h → 2
    expect(dates('bjorn')).toEqual(['08', '09', '12', '13']); // cap 35.5 h → 4
    expect(dates('orjan')).toEqual(['14', '15', '16']); // cap 28.4 h → 3, and nothing is left
    expect(dates('aase')).toEqual([]);
    expect(res.uncoveredBefore).toEqual({ shifts: 12, hours: 90 });
    expect(res.uncoveredAfter).toEqual({ shifts: 0, hours: 0 });
    expect(res.offeredHours).toBe(90);
  });

  it('shows the new position and the vikar hours replaced, and which absence each shift covers', () => {
    expect(p('bjorn').newPosition).toBeCloseTo(30 / 71, 12);
    expect(p('bjorn').replacedVikarHours).toBe(30);
    expect(p('per').resultingBefore).toBeCloseTo(7.5 / 71, 12);
    expect(p('per').newPosition).toBeCloseTo(15 / 71, 12);
    expect(p('aase').newPosition).toBe(0.2); // never below the contract
    expect(p('per').offers[0].vacancy).toEqual({ kind: 'absence', employee: 'siri', name: 'Siri', code: 'FE' });
    expect(p('ola').offers.map((o) => o.vacancy.kind)).toEqual(['open', 'absence']);
    expect(p('per').reasons[0]).toMatch(/aml § 14-3/);
  });

  it('does not touch its input and returns the plan with the offers placed', () => {
    const plan = twoWeeks();
    const before = JSON.stringify(plan);
    const out = stillingsokning(plan, { priority });
    expect(JSON.stringify(plan)).toBe(before);
    expect(out.plan.assignments.length).toBe(plan.assignments.length + 12);
  });
});

describe('scenario transforms', () => {
  it('raise everyone who wants more to their wish', () => {
    const { plan, log } = applyTransform(weekPlan(), { kind: 'raisePositions', employees: 'wantsMore', level: 'wanted' });
    expect(plan.employees.map((e) => e.position)).toEqual([1, 0.8, 0.6, 0.5, 0.2]);
    expect(log[0]).toBe('Hans: stilling 50 % → 80 %');
  });

  it('switch weekends to langvakt: demand hours kept in whole L shifts, only consenting staff converted', () => {
    const base: TurnusPlan = {
      ...weekPlan(),
      demand: [
        { dayType: 'saturday', shift: 'D', competence: 'any', count: 3 },
        { dayType: 'saturday', shift: 'A', competence: 'any', count: 3 },
        { dayType: 'weekday', shift: 'D', competence: 'any', count: 3 },
      ],
      assignments: [
        { employee: 'h1', date: '2026-01-10', code: 'D' }, // consents
        { employee: 'a1', date: '2026-01-10', code: 'A' }, // does not
        { employee: 'h1', date: '2026-01-09', code: 'D' }, // a Friday stays D
      ],
    };
    const { plan } = applyTransform(base, { kind: 'switchToLongWeekends' });
    // 3 × 7.5 + 3 × 7.5 = 45 h → ⌈45 / 12.5⌉ = 4 L
    expect(plan.demand).toEqual([
      { dayType: 'weekday', shift: 'D', competence: 'any', count: 3 },
      { dayType: 'saturday', shift: 'L', competence: 'any', count: 4 },
    ]);
    expect(plan.assignments.map((a) => a.code)).toEqual(['L', 'A', 'D']);
    expect(plan.unit.weekendFrequency).toBe(4);
  });

  it('merge weekend-only positions of a competence; colliding shifts become open', () => {
    const base = weekPlan();
    base.employees.push({ id: 'w2', name: 'Vera', competence: 'assistent', position: 0.25, consentsLongShifts: true });
    base.assignments.push({ employee: 'w2', date: '2026-01-10', code: 'L' }, { employee: 'w2', date: '2026-01-11', code: 'L' });
    const { plan, log } = applyTransform(base, { kind: 'mergeWeekendOnly' });
    const w1 = plan.employees.find((e) => e.id === 'w1')!;
    expect(w1.position).toBeCloseTo(0.45, 12);
    expect(plan.employees.some((e) => e.id === 'w2')).toBe(false);
    expect(plan.assignments.filter((a) => a.employee === 'w1').map((a) => a.date)).toEqual(['2026-01-11', '2026-01-10']);
    expect(log.join('\n')).toMatch(/kolliderte.*2026-01-11 L/);
  });

  it('change demand and weekend frequency; bad parameters are named', () => {
    const { plan } = applyTransform(weekPlan(), { kind: 'adjustDemand', dayType: 'weekday', shift: 'A', delta: 1 });
    expect(plan.demand.find((r) => r.dayType === 'weekday' && r.shift === 'A')!.count).toBe(2);
    expect(applyTransform(weekPlan(), { kind: 'setWeekendFrequency', frequency: 3 }).plan.unit.weekendFrequency).toBe(3);
    expect(() => applyTransform(weekPlan(), { kind: 'setWeekendFrequency', frequency: 0 })).toThrow(/frequency: helgefrekvensen/);
    expect(() => applyTransform(weekPlan(), { kind: 'raisePositions', employees: ['x'], level: 0.8 })).toThrow(/ukjent ansatt «x»/);
  });
});

describe('scenario comparison', () => {
  const model = handModel();
  const a = createScenario(weekPlan(), { id: 'a', name: 'Dagens' });
  const b = createScenario(weekPlan(), { id: 'b', name: 'Økte stillinger' }, [
    { kind: 'raisePositions', employees: 'wantsMore', level: 'wanted' },
  ]);
  const c = compareScenarios([a, b], { costModel: model, profile: 'asker-2030' });

  it('heltidsandel and average position per scenario', () => {
    expect(c.rows[0].heltidsandel.contracted).toBe(0.2);
    expect(c.rows[1].heltidsandel.contracted).toBe(0.4); // Siri + Hans at 80 %
    expect(c.deltas[1]['averagePosition.contracted']).toBeCloseTo((0.3 + 0.2 + 0.2) / 5, 12);
    // Raised on paper only: the plan still gives them what it gave before, so they still count
    // as ufrivillig deltid (one definition: the wish against what the plan gives).
    expect(c.rows[1].involuntaryPartTime.count).toBe(c.rows[0].involuntaryPartTime.count);
    expect(c.rows[1].ledger.paidNotPlannedHours.after).toBeGreaterThan(c.rows[0].ledger.paidNotPlannedHours.after);
  });
  it('weekend heads and hours per person', () => {
    expect(c.rows[0].weekendHeads).toBe(3);
    expect(c.rows[0].weekendHoursPerPerson).toBe((25 + 12.5 + 12.5) / 5);
  });
  it('vikar and money: raising Aud 30 → 50 % adds 0.2 årsverk for 7 days and replaces no vikar hour', () => {
    expect(c.rows[0].uncoveredHours).toBe(90);
    expect(c.rows[1].vikarHours).toBe(90);
    expect(c.rows[0].netSaving).toBeCloseTo(0, 9);
    // Hans and Hege already work beyond their new contract; only Aud's paid position grows.
    expect(c.rows[1].netSaving).toBeCloseTo((-0.2 * 923_000 * 7) / 365, 6);
    expect(c.deltas[1].fixedSalaryKroner).toBeCloseTo((0.2 * 923_000 * 7) / 365, 6);
  });
  it('rule hits and target progress are reported', () => {
    expect(c.rows[0].ruleHits).toEqual(c.rows[1].ruleHits);
    expect(c.rows[1].target.profile.id).toBe('asker-2030');
    expect(c.rows[1].target.metrics[0].value).toBeCloseTo(0.4, 12); // paid positions: Siri 1, Hans 1.48 (≥ 0.8)
  });
  it('needs 2–4 scenarios', () => {
    expect(() => compareScenarios([a])).toThrow(/2–4 scenarioer/);
  });
});
