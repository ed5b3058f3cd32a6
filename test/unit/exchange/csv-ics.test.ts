import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { TurnusPlan } from '../../../shared/plan/model';
import { planToCsvGrid, planToCsvRows } from '../../../shared/exchange/csv';
import { employeeToIcs, foldLine, planToIcsFiles } from '../../../shared/exchange/ics';
import path from 'node:path';
import { addDays, osloToUtc, toDay } from '../../../shared/calendar';
import { activitySpans } from '../../../shared/plan/activities';
import { FIXTURES } from '../../paths';

const fixture = (name: string): TurnusPlan => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.turnus.json`), 'utf8')) as TurnusPlan;

function smallPlan(): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Avdeling Solsiden' },
    period: { start: '2026-03-23', end: '2026-04-05' },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00', name: 'Dagvakt' },
      { code: 'N', start: '22:15', end: '07:45', name: 'Nattvakt' },
    ],
    employees: [
      { id: 'e1', employeeNumber: '10401', name: 'Kari Nordmann', competence: 'sykepleier', position: 0.755 },
      { id: 'e2', name: '=HYPERLINK("x")', competence: 'assistent', position: 0.5 },
    ],
    demand: [],
    assignments: [
      { employee: 'e1', date: '2026-03-24', code: 'D' },
      { employee: 'e1', date: '2026-03-28', code: 'N' }, // night into summer time (29 March)
      { employee: 'e1', date: '2026-03-30', code: 'FE' },
      { employee: 'e1', date: '2026-04-01', code: 'MØTE' },
      { employee: 'e2', date: '2026-03-23', code: 'D' },
    ],
  };
}

describe('CSV for Norwegian Excel', () => {
  it('starts with a UTF-8 BOM, separates with ; and ends lines with CRLF', () => {
    const csv = planToCsvRows(smallPlan());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Ansattnr;Navn;Dato;Kode;Start;Slutt;Timer');
    expect(lines[1]).toBe('10401;Kari Nordmann;2026-03-24;D;07:30;15:00;7,5');
    // The night into summer time is one hour shorter: 8,5 paid hours.
    expect(lines).toContain('10401;Kari Nordmann;2026-03-28;N;22:15;07:45;8,5');
    expect(lines).toContain('10401;Kari Nordmann;2026-03-30;FE;;;0');
    expect(lines).toContain('10401;Kari Nordmann;2026-04-01;MØTE;08:00;11:00;3');
    // No internal id: an employee without ansattnr has an empty key.
    expect(lines.some((l) => l.includes('e1') || l.includes('e2'))).toBe(false);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('escapes a name that Excel would run as a formula', () => {
    const csv = planToCsvRows(smallPlan());
    expect(csv).not.toMatch(/;=HYPERLINK/);
    expect(csv).toContain("'=HYPERLINK");
  });

  it('grid form: one row per employee, a column per date, decimal comma for the position', () => {
    const plan = smallPlan();
    const parsed = Papa.parse<string[]>(planToCsvGrid(plan).slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
    expect(parsed[0].slice(0, 4)).toEqual(['Ansattnr', 'Navn', 'Stillingsprosent', '2026-03-23']);
    expect(parsed[0]).toHaveLength(3 + 14);
    const kari = parsed[1];
    expect(kari[0]).toBe('10401');
    expect(kari[1]).toBe('Kari Nordmann');
    expect(kari[2]).toBe('75,5');
    expect(kari[3 + 1]).toBe('D');
    expect(kari[3 + 5]).toBe('N');
    expect(kari[3 + 0]).toBe('');
  });

  it('rows form round-trips every assignment of a real fixture', () => {
    const plan = fixture('rules-november');
    plan.employees.forEach((e, i) => {
      e.employeeNumber = `A-${i + 1}`;
    });
    const nr = new Map(plan.employees.map((e) => [e.id, e.employeeNumber]));
    const rows = Papa.parse<string[]>(planToCsvRows(plan).slice(1), { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => `${r[0]}|${r[2]}|${r[3]}`).sort()).toEqual(
      plan.assignments.map((a) => `${nr.get(a.employee)}|${a.date}|${a.code}`).sort(),
    );
  });
});

describe('iCalendar (RFC 5545)', () => {
  const now = new Date(Date.UTC(2026, 0, 2, 10, 15, 0));

  it('one calendar per employee with VTIMEZONE Europe/Oslo, CRLF line ends and the required properties', () => {
    const files = planToIcsFiles(smallPlan(), { now });
    expect(files.map((f) => f.name)).toEqual(['turnus-kari-nordmann-10401.ics', 'turnus-hyperlink-x.ics']);
    const ics = files[0].content;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo');
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    const events = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4); // D, N, the FE all-day event and the meeting
    for (const e of events) {
      expect(e).toMatch(/\r\nUID:[^\r\n]+@turnus\r\n/);
      expect(e).toContain('DTSTAMP:20260102T101500Z');
    }
    const uids = events.map((e) => /UID:([^\r\n]+)/.exec(e)![1]);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('each work shift has its real local start and end; a night shift ends the next morning', () => {
    const ics = employeeToIcs(smallPlan(), smallPlan().employees[0], { now });
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20260324T073000\r\nDTEND;TZID=Europe/Oslo:20260324T150000');
    // 28 March 22:15 → 29 March 07:45 local: the calendar app applies the DST change via TZID.
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20260328T221500\r\nDTEND;TZID=Europe/Oslo:20260329T074500');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260330\r\nDTEND;VALUE=DATE:20260331');
  });

  it('a meeting is a timed, busy event: credited hours from 08:00, said in the description', () => {
    const ics = employeeToIcs(smallPlan(), smallPlan().employees[0], { now }).replace(/\r\n /g, '');
    const meeting = ics.split('BEGIN:VEVENT').find((e) => e.includes('SUMMARY:Møte'))!;
    expect(meeting).toContain('DTSTART;TZID=Europe/Oslo:20260401T080000\r\nDTEND;TZID=Europe/Oslo:20260401T110000');
    expect(meeting).toContain('TRANSP:OPAQUE');
    expect(meeting).toContain('godskrevne timer regnet fra 08:00');
    // A plan with timed activities: the code's own times win.
    const plan = smallPlan();
    plan.absenceCodes = [{ code: 'MØTE', kind: 'meeting', creditedHours: 2, name: 'Møte', start: '13:00', end: '15:00' } as never];
    const timed = employeeToIcs(plan, plan.employees[0], { now });
    expect(timed).toContain('DTSTART;TZID=Europe/Oslo:20260401T130000\r\nDTEND;TZID=Europe/Oslo:20260401T150000');
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    const plan = smallPlan();
    plan.unit.name = 'Bo- og behandlingssenteret på Østre Æsøy; avdeling for langtidsopphold, 2. etasje';
    const ics = employeeToIcs(plan, plan.employees[0], { now });
    expect(ics).toContain('\\;');
    expect(ics).toContain('\\,');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'X-WR-CALNAME:Turnus Kari Nordmann – Bo- og behandlingssenteret på Østre Æsøy\\; avdeling for langtidsopphold\\, 2. etasje',
    );
  });

  it('property: folding keeps every line within 75 octets and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const line = `DESCRIPTION:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ICS: timed meetings and courses (plan.activities)', () => {
  const now = new Date(Date.UTC(2026, 0, 2, 10, 15, 0));
  const unfold = (s: string) => s.replace(/\r\n /g, '');
  const events = (ics: string) => unfold(ics).split('BEGIN:VEVENT').slice(1);
  /** Real minutes between DTSTART and DTEND, read back from the local stamps (Europe/Oslo). */
  const realMinutes = (ev: string) => {
    const at = (name: string) => {
      const m = new RegExp(`${name};TZID=Europe/Oslo:(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})00`).exec(ev)!;
      return osloToUtc(toDay(`${m[1]}-${m[2]}-${m[3]}`), Number(m[4]) * 60 + Number(m[5]));
    };
    return at('DTEND') - at('DTSTART');
  };

  function planWithActivities(): TurnusPlan {
    const plan = smallPlan();
    plan.period = { start: '2026-03-23', end: '2026-10-31' };
    plan.activities = [
      // Replaces the MØTE cell of 1 April (credited hours from 08:00) with its real times.
      { id: 'm1', code: 'MØTE', date: '2026-04-01', start: '13:00', end: '15:00', employees: ['e1'] },
      // A course night into summer time (29 March 02:00 → 03:00): 23:00 → 04:00 is 4 real hours.
      { id: 'k1', code: 'KURS', date: '2026-03-28', start: '23:00', end: '04:00', employees: 'all' },
      // And into winter time (25 October 03:00 → 02:00): 6 real hours.
      { id: 'k2', code: 'KURS', date: '2026-10-24', start: '23:00', end: '04:00', employees: ['e1'] },
    ];
    return plan;
  }

  it('are timed, busy events with their own local start and end; the cell-based 08:00 event is gone', () => {
    const plan = planWithActivities();
    const ev = events(employeeToIcs(plan, plan.employees[0], { now }));
    const meetings = ev.filter((e) => e.includes('SUMMARY:Møte'));
    expect(meetings.length).toBe(1);
    expect(meetings[0]).toContain('DTSTART;TZID=Europe/Oslo:20260401T130000\r\nDTEND;TZID=Europe/Oslo:20260401T150000');
    expect(meetings[0]).toContain('TRANSP:OPAQUE');
    expect(meetings[0]).not.toContain('godskrevne timer');
    const courses = ev.filter((e) => e.includes('KURS 23:00–04:00'));
    expect(courses.length).toBe(2);
    for (const c of courses) {
      expect(c).toContain('TRANSP:OPAQUE');
      expect(c).not.toContain('VALUE=DATE');
    }
    // Everyone gets the course of 28 March, only e1 the others.
    const other = events(employeeToIcs(plan, plan.employees[1], { now }));
    expect(other.filter((e) => e.includes('KURS')).length).toBe(1);
    expect(other.some((e) => e.includes('Møte'))).toBe(false);
  });

  it('keep their real length across the daylight-saving changes (the same interval the rules count)', () => {
    const plan = planWithActivities();
    const ev = events(employeeToIcs(plan, plan.employees[0], { now }));
    const spring = ev.find((e) => e.includes('DTSTART;TZID=Europe/Oslo:20260328T230000'))!;
    expect(spring).toContain('DTEND;TZID=Europe/Oslo:20260329T040000');
    expect(realMinutes(spring)).toBe(4 * 60);
    const autumn = ev.find((e) => e.includes('DTSTART;TZID=Europe/Oslo:20261024T230000'))!;
    expect(autumn).toContain('DTEND;TZID=Europe/Oslo:20261025T040000');
    expect(realMinutes(autumn)).toBe(6 * 60);
    const spans = activitySpans(plan, 'e1');
    expect(spans.map((s) => s.end - s.start).sort()).toEqual([120, 240, 360].sort());
  });

  it('property: each activity a person attends is one opaque event whose real length is the activity span’s', () => {
    const times = ['00:30', '02:30', '07:45', '13:00', '22:00', '23:30'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ offset: fc.integer({ min: 0, max: 220 }), start: fc.constantFrom(...times), end: fc.constantFrom(...times) }),
          { maxLength: 6 },
        ),
        (list) => {
          const plan = smallPlan();
          plan.period = { start: '2026-03-23', end: '2026-10-31' };
          plan.activities = list.map((a, i) => ({
            id: `a${i}`,
            code: 'KURS',
            date: addDays('2026-03-23', a.offset),
            start: a.start,
            end: a.end,
            employees: 'all' as const,
          }));
          const ev = events(employeeToIcs(plan, plan.employees[0], { now })).filter((e) =>
            e.includes('DESCRIPTION:Avdeling Solsiden: KURS'),
          );
          // Every activity she attends (one for all she is excused from is not hers, activities.ts).
          const want = activitySpans(plan, 'e1').map((s) => s.end - s.start);
          expect(ev.length).toBe(want.length);
          expect(ev.map(realMinutes)).toEqual(want);
          for (const e of ev) expect(e).toContain('TRANSP:OPAQUE');
        },
      ),
      { numRuns: 100 },
    );
  });
});
