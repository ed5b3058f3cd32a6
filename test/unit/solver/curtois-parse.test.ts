import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { CurtoisParseError, parseCurtois } from '../../../shared/solver/curtois/parse';

const dir = '/work/shared/benchmarks/curtois';
const read = (n: number) => readFileSync(`${dir}/Instance${n}.txt`, 'utf8');

describe('Curtois parser', () => {
  it('reads Instance1 field by field', () => {
    const inst = parseCurtois(read(1));
    expect(inst.horizon).toBe(14);
    expect(inst.shifts).toEqual([{ id: 'D', minutes: 480, forbiddenNext: [] }]);
    expect(inst.staff).toHaveLength(8);
    expect(inst.staff[0]).toEqual({
      id: 'A',
      maxShifts: { D: 14 },
      maxTotalMinutes: 4320,
      minTotalMinutes: 3360,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
    });
    expect(inst.daysOff.B).toEqual([5]);
    expect(inst.shiftOnRequests[0]).toEqual({ employee: 'A', day: 2, shift: 'D', weight: 2 });
    expect(inst.shiftOffRequests).toHaveLength(5);
    expect(inst.cover[1]).toEqual({ day: 1, shift: 'D', requirement: 7, weightUnder: 100, weightOver: 1 });
  });

  it('reads all 24 instances with the sizes of the benchmark table', () => {
    const sizes: Record<number, [number, number, number]> = { 1: [14, 8, 1], 8: [28, 30, 4], 15: [42, 45, 6], 24: [364, 150, 32] };
    for (let n = 1; n <= 24; n++) {
      const inst = parseCurtois(read(n));
      expect(inst.horizon % 7).toBe(0);
      if (sizes[n]) expect([inst.horizon, inst.staff.length, inst.shifts.length]).toEqual(sizes[n]);
    }
  });

  it('treats the "-0" requirements of Instance15 as 0', () => {
    const text = read(15);
    expect(text).toMatch(/,-0,/);
    const inst = parseCurtois(text);
    expect(inst.cover.every((c) => c.requirement >= 0 && !Object.is(c.requirement, -0))).toBe(true);
  });

  it('names the line of bad input in Norwegian', () => {
    const text = read(1).replace('B,D=14,4320', 'B,D=x,4320');
    expect(() => parseCurtois(text)).toThrow(CurtoisParseError);
    try {
      parseCurtois(text);
    } catch (e) {
      expect((e as Error).message).toMatch(/^Linje 14: MaxShifts for D må være et heltall/);
      expect((e as CurtoisParseError).line).toBe(14);
    }
    expect(() => parseCurtois(read(1).replace('H,7', 'Z,7'))).toThrow(/ukjent ansatt «Z»/);
    expect(() => parseCurtois(read(1).replace('13,D,4,100,1', '14,D,4,100,1'))).toThrow(/dag 14 ligger utenfor horisonten/);
    expect(() => parseCurtois('SECTION_SHIFTS\nD,480,\n')).toThrow(/mangler SECTION_HORIZON/);
  });

  it('never throws anything but a CurtoisParseError (fuzz)', () => {
    const base = read(2).split('\n');
    const mutated = fc
      .tuple(fc.array(fc.tuple(fc.nat(base.length - 1), fc.string({ maxLength: 30 })), { maxLength: 5 }), fc.nat(base.length))
      .map(([edits, cut]) => {
        const lines = base.slice(0, Math.max(1, cut));
        for (const [i, s] of edits) if (i < lines.length) lines[i] = s;
        return lines.join('\n');
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated), (text) => {
        try {
          parseCurtois(text);
        } catch (e) {
          expect(e).toBeInstanceOf(CurtoisParseError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
