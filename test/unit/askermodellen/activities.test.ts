import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityHours, activitySpans, validateActivities } from '../../../shared/plan/activities';
import { meeting, withCells } from './unit';

describe('timed activities (MØTE for alle ansatte as 13–15, not a whole day)', () => {
  it("credits a free person the meeting's own duration", () => {
    expect(activityHours(withCells([meeting()]), 'e1')).toBe(2);
  });

  it('credits nothing when her day shift covers the meeting, the uncovered part when it covers some', () => {
    expect(activityHours(withCells([meeting()], [['e1', '2027-04-14', 'D']]), 'e1')).toBe(0); // D 07:30–15:00
    expect(activityHours(withCells([meeting()], [['e1', '2027-04-14', 'A']]), 'e1')).toBe(2); // A starts 15:00
    expect(activityHours(withCells([meeting({ end: '16:00' })], [['e1', '2027-04-14', 'D']]), 'e1')).toBe(1);
  });

  it('counts only the named employees and only activities in the period', () => {
    const plan = withCells([meeting({ employees: ['e2'] }), meeting({ date: '2027-06-14' })]);
    expect(activityHours(plan, 'e1')).toBe(0);
    expect(activityHours(plan, 'e2')).toBe(2);
  });

  it('gives the real time interval, for the rest rules (an evening course over midnight)', () => {
    const [s] = activitySpans(withCells([meeting({ start: '20:00', end: '01:00' })]), 'e3');
    expect(s.hours).toBe(5);
    expect(s.end - s.start).toBe(300);
    expect(new Date(s.start * 60_000).toISOString()).toBe('2027-04-14T18:00:00.000Z'); // 20:00 summer time
  });

  it('a night shift the evening before that runs into the morning covers a morning meeting', () => {
    const plan = withCells([meeting({ start: '07:00', end: '08:00' })], [['e1', '2027-04-13', 'N']]); // N 22:15–07:45
    expect(activityHours(plan, 'e1')).toBe(0.25);
  });

  it('names what is wrong with a malformed activity', () => {
    const plan = withCells([meeting({ start: '25:00', employees: ['e1', 'x9'] })]);
    expect(validateActivities(plan)).toEqual([
      'Aktivitet 1 (MØTE): starttid «25:00» er ikke et klokkeslett (tt:mm).',
      'Aktivitet 1 (MØTE): ukjente deltakere (x9).',
    ]);
  });

  it('property: credited hours lie between 0 and the duration, and a plan without activities credits none', () => {
    const arb = fc.record({
      startMin: fc.integer({ min: 0, max: 95 }),
      len: fc.integer({ min: 1, max: 40 }),
      day: fc.integer({ min: 1, max: 28 }),
      code: fc.option(fc.constantFrom('D', 'A', 'N', 'L'), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ startMin, len, day, code }) => {
        const hhmm = (q: number) => `${String(Math.floor(q / 4) % 24).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
        const date = `2027-03-${String(day).padStart(2, '0')}`;
        const plan = withCells([meeting({ date, start: hhmm(startMin), end: hhmm(startMin + len) })], code ? [['e1', date, code]] : []);
        const [s] = activitySpans(plan, 'e1');
        const h = activityHours(plan, 'e1');
        // A shift that does not touch the meeting and leaves less than 11 h excuses her from it.
        if (!s) {
          expect(code).toBeDefined();
          expect(h).toBe(0);
          return;
        }
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(s.hours + 1e-9);
        if (!code) expect(h).toBeCloseTo(s.hours, 9);
        expect(activityHours({ ...plan, activities: undefined }, 'e1')).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
