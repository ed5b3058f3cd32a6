/**
 * Issue 14: the review pack says what the tillitsvalgte need to know about the plan's meetings
 * and courses: date, time, who, how many attend, the hours credited, and who is «fritatt» and why.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar';
import { reviewPackInput } from '../../../shared/review/analysis';
import { buildReviewPackHtml } from '../../../shared/review/pack';
import { activitySection } from '../../../shared/review/pack-activities';
import { walkthroughPlan } from './walkthrough';

const plain = (h: string) =>
  h
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

function packOf(plan = walkthroughPlan()) {
  const status = { status: 'til_drofting' as const, droftingDate: '2027-01-10', droftingNames: ['Siri Tillit (NSF)'] };
  return reviewPackInput({
    plan,
    planName: 'Turnus vår 2027',
    status,
    agreementRecords: [],
    generatedAt: '2026-12-07T05:00:00.000Z',
    generatedBy: 'Leder',
  });
}

describe('review pack: «Møter og kurs»', () => {
  it('lists a meeting for all with attendees, credited hours and who is fritatt and why', () => {
    const plan = walkthroughPlan();
    const day = '2027-03-10';
    const [night, vacation] = plan.employees;
    plan.assignments = plan.assignments.filter(
      (a) => !(a.date === day || a.date === addDays(day, -1)) || (a.employee !== night.id && a.employee !== vacation.id),
    );
    plan.assignments.push({ employee: night.id, date: addDays(day, -1), code: 'N' }, { employee: vacation.id, date: day, code: 'FE' });
    plan.activities = [{ code: 'MØTE', date: day, start: '13:00', end: '15:00', employees: 'all' }];
    const t = plain(activitySection(packOf(plan)));
    expect(t).toContain('Møter og kurs Hjemmel:');
    expect(t).toMatch(/10\.03\.2027 13:00–15:00 MØTE Alle ansatte (\d+) ([\d,]+) t /);
    const [, attend] = t.match(/Alle ansatte (\d+) /)!;
    expect(Number(attend)).toBeLessThanOrEqual(plan.employees.length - 2);
    expect(t).toContain(`${night.name} (natt før møtet)`);
    expect(t).toContain(`${vacation.name} (ferie)`);
    // The whole pack has the section, after the consent register.
    const all = plain(buildReviewPackHtml(packOf(plan)));
    expect(all.indexOf('Møter og kurs Hjemmel')).toBeGreaterThan(all.indexOf('Samtykke til langvakter og fritak fra nattarbeid Hjemmel'));
  });

  it('says so when the plan has no timed meetings or courses', () => {
    const plan = walkthroughPlan();
    plan.activities = [];
    expect(plain(activitySection(packOf(plan)))).toContain('Planen har ingen møter eller kurs med klokkeslett.');
  });
});
