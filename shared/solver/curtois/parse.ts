/**
 * Parser for the Curtois & Qu plain-text instance format (Instance1..24.txt).
 * Every error is a CurtoisParseError with a Norwegian message naming the line.
 */
import type { CurtoisCover, CurtoisInstance, CurtoisRequest, CurtoisShift, CurtoisStaff } from './types';

export class CurtoisParseError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(line > 0 ? `Linje ${line}: ${message}` : message);
    this.name = 'CurtoisParseError';
    this.line = line;
  }
}

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type Section = (typeof SECTIONS)[number];

const ID_RE = /^[A-Za-z0-9_-]+$/;

export function parseCurtois(text: string): CurtoisInstance {
  if (typeof text !== 'string') throw new CurtoisParseError(0, 'Instansen må være tekst.');
  const lines = text.split(/\r\n|\r|\n/);
  let section: Section | null = null;
  let horizon: number | null = null;
  let horizonLine = 0;
  const shifts: CurtoisShift[] = [];
  const shiftLines: number[] = [];
  const staff: CurtoisStaff[] = [];
  const staffRaw: { line: number; maxShifts: [string, number][] }[] = [];
  const daysOffRaw: { line: number; employee: string; days: number[] }[] = [];
  const onRaw: (CurtoisRequest & { line: number })[] = [];
  const offRaw: (CurtoisRequest & { line: number })[] = [];
  const coverRaw: (CurtoisCover & { line: number })[] = [];
  const seen = new Set<Section>();

  const int = (lineNo: number, field: string, raw: string | undefined): number => {
    const s = (raw ?? '').trim();
    if (!/^-?\d+$/.test(s)) throw new CurtoisParseError(lineNo, `${field} må være et heltall, fant «${s}».`);
    const n = Number(s);
    if (n === 0) return 0; // includes "-0" (Instance15 cover rows)
    if (n < 0) throw new CurtoisParseError(lineNo, `${field} kan ikke være negativ (${s}).`);
    if (!Number.isSafeInteger(n)) throw new CurtoisParseError(lineNo, `${field} er for stort (${s}).`);
    return n;
  };
  const id = (lineNo: number, field: string, raw: string | undefined): string => {
    const s = (raw ?? '').trim();
    if (!ID_RE.test(s)) throw new CurtoisParseError(lineNo, `${field} «${s}» er ikke en gyldig id.`);
    return s;
  };
  const fields = (lineNo: number, line: string, count: number, what: string): string[] => {
    const f = line.split(',');
    if (f.length !== count) {
      throw new CurtoisParseError(lineNo, `${what} skal ha ${count} felt adskilt med komma, fant ${f.length}.`);
    }
    return f;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      if (!(SECTIONS as readonly string[]).includes(line)) {
        throw new CurtoisParseError(lineNo, `ukjent seksjon «${line}».`);
      }
      section = line as Section;
      if (seen.has(section)) throw new CurtoisParseError(lineNo, `seksjonen ${section} forekommer to ganger.`);
      seen.add(section);
      continue;
    }
    switch (section) {
      case null:
        throw new CurtoisParseError(lineNo, 'data før første SECTION_-overskrift.');
      case 'SECTION_HORIZON': {
        if (horizon !== null) throw new CurtoisParseError(lineNo, 'SECTION_HORIZON skal ha én linje med antall dager.');
        horizon = int(lineNo, 'Antall dager', line);
        horizonLine = lineNo;
        if (horizon < 1 || horizon > 10_000)
          throw new CurtoisParseError(lineNo, `antall dager må være mellom 1 og 10000, fant ${horizon}.`);
        break;
      }
      case 'SECTION_SHIFTS': {
        const f = fields(lineNo, line, 3, 'En vakttype');
        const sid = id(lineNo, 'Vakttype', f[0]);
        const minutes = int(lineNo, 'Lengde i minutter', f[1]);
        const nextRaw = f[2].trim();
        const forbiddenNext = nextRaw === '' ? [] : nextRaw.split('|').map((x) => id(lineNo, 'Forbudt etterfølgende vakt', x));
        if (shifts.some((s) => s.id === sid)) throw new CurtoisParseError(lineNo, `vakttypen «${sid}» er definert to ganger.`);
        shifts.push({ id: sid, minutes, forbiddenNext });
        shiftLines.push(lineNo);
        break;
      }
      case 'SECTION_STAFF': {
        const f = fields(lineNo, line, 8, 'En ansatt');
        const eid = id(lineNo, 'Ansatt', f[0]);
        if (staff.some((s) => s.id === eid)) throw new CurtoisParseError(lineNo, `ansatt «${eid}» er definert to ganger.`);
        const maxShiftsRaw = f[1].trim();
        const pairs: [string, number][] = [];
        if (maxShiftsRaw !== '') {
          for (const part of maxShiftsRaw.split('|')) {
            const m = /^([^=]+)=(.*)$/.exec(part.trim());
            if (!m) throw new CurtoisParseError(lineNo, `MaxShifts «${part}» må ha formen VAKT=ANTALL.`);
            pairs.push([id(lineNo, 'Vakttype i MaxShifts', m[1]), int(lineNo, `MaxShifts for ${m[1]}`, m[2])]);
          }
        }
        const s: CurtoisStaff = {
          id: eid,
          maxShifts: {},
          maxTotalMinutes: int(lineNo, 'MaxTotalMinutes', f[2]),
          minTotalMinutes: int(lineNo, 'MinTotalMinutes', f[3]),
          maxConsecutiveShifts: int(lineNo, 'MaxConsecutiveShifts', f[4]),
          minConsecutiveShifts: int(lineNo, 'MinConsecutiveShifts', f[5]),
          minConsecutiveDaysOff: int(lineNo, 'MinConsecutiveDaysOff', f[6]),
          maxWeekends: int(lineNo, 'MaxWeekends', f[7]),
        };
        for (const [k, v] of pairs) {
          if (k in s.maxShifts) throw new CurtoisParseError(lineNo, `MaxShifts nevner vakttypen «${k}» to ganger.`);
          s.maxShifts[k] = v;
        }
        staff.push(s);
        staffRaw.push({ line: lineNo, maxShifts: pairs });
        break;
      }
      case 'SECTION_DAYS_OFF': {
        const f = line.split(',');
        if (f.length < 1) throw new CurtoisParseError(lineNo, 'mangler ansatt.');
        const eid = id(lineNo, 'Ansatt', f[0]);
        const days = f
          .slice(1)
          .filter((x) => x.trim() !== '')
          .map((x) => int(lineNo, 'Dagnummer', x));
        daysOffRaw.push({ line: lineNo, employee: eid, days });
        break;
      }
      case 'SECTION_SHIFT_ON_REQUESTS':
      case 'SECTION_SHIFT_OFF_REQUESTS': {
        const f = fields(lineNo, line, 4, 'Et ønske');
        const r = {
          line: lineNo,
          employee: id(lineNo, 'Ansatt', f[0]),
          day: int(lineNo, 'Dagnummer', f[1]),
          shift: id(lineNo, 'Vakttype', f[2]),
          weight: int(lineNo, 'Vekt', f[3]),
        };
        (section === 'SECTION_SHIFT_ON_REQUESTS' ? onRaw : offRaw).push(r);
        break;
      }
      case 'SECTION_COVER': {
        const f = fields(lineNo, line, 5, 'En bemanningslinje');
        coverRaw.push({
          line: lineNo,
          day: int(lineNo, 'Dagnummer', f[0]),
          shift: id(lineNo, 'Vakttype', f[1]),
          requirement: int(lineNo, 'Behov', f[2]),
          weightUnder: int(lineNo, 'Vekt for underdekning', f[3]),
          weightOver: int(lineNo, 'Vekt for overdekning', f[4]),
        });
        break;
      }
    }
  }

  if (horizon === null) throw new CurtoisParseError(0, 'Instansen mangler SECTION_HORIZON med antall dager.');
  if (horizon % 7 !== 0) throw new CurtoisParseError(horizonLine, `antall dager (${horizon}) må være hele uker.`);
  if (shifts.length === 0) throw new CurtoisParseError(0, 'Instansen mangler vakttyper (SECTION_SHIFTS).');
  if (staff.length === 0) throw new CurtoisParseError(0, 'Instansen mangler ansatte (SECTION_STAFF).');
  const shiftIds = new Set(shifts.map((s) => s.id));
  const staffIds = new Set(staff.map((s) => s.id));
  shifts.forEach((s, i) => {
    for (const n of s.forbiddenNext) {
      if (!shiftIds.has(n)) throw new CurtoisParseError(shiftLines[i], `ukjent vakttype «${n}» i forbudte etterfølgere av «${s.id}».`);
    }
  });
  staffRaw.forEach((r) => {
    for (const [k] of r.maxShifts) {
      if (!shiftIds.has(k)) throw new CurtoisParseError(r.line, `ukjent vakttype «${k}» i MaxShifts.`);
    }
  });
  const H = horizon;
  const checkDay = (line: number, day: number) => {
    if (day >= H) throw new CurtoisParseError(line, `dag ${day} ligger utenfor horisonten (0–${H - 1}).`);
  };
  const checkEmp = (line: number, e: string) => {
    if (!staffIds.has(e)) throw new CurtoisParseError(line, `ukjent ansatt «${e}».`);
  };
  const checkShift = (line: number, s: string) => {
    if (!shiftIds.has(s)) throw new CurtoisParseError(line, `ukjent vakttype «${s}».`);
  };
  const daysOff: Record<string, number[]> = {};
  for (const r of daysOffRaw) {
    checkEmp(r.line, r.employee);
    for (const d of r.days) checkDay(r.line, d);
    daysOff[r.employee] = [...new Set([...(daysOff[r.employee] ?? []), ...r.days])].sort((a, b) => a - b);
  }
  const strip = ({ line, ...rest }: CurtoisRequest & { line: number }): CurtoisRequest => {
    checkEmp(line, rest.employee);
    checkDay(line, rest.day);
    checkShift(line, rest.shift);
    return rest;
  };
  const coverKey = new Set<string>();
  const cover = coverRaw.map(({ line, ...c }) => {
    checkDay(line, c.day);
    checkShift(line, c.shift);
    const k = `${c.day}|${c.shift}`;
    if (coverKey.has(k)) throw new CurtoisParseError(line, `dag ${c.day} og vakt «${c.shift}» har allerede en bemanningslinje.`);
    coverKey.add(k);
    return c;
  });
  return {
    horizon,
    shifts,
    staff,
    daysOff,
    shiftOnRequests: onRaw.map(strip),
    shiftOffRequests: offRaw.map(strip),
    cover,
  };
}
