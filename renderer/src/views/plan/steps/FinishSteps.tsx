/** Steps 5 and 6: fill the weekdays against the bemanningsplan, then review the plan. */
import { usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { useCoverage, type CoverageView } from '../../../lib/coverage';
import { reveal } from '../../../stores/viewport';
import { hrefOf } from '../../../lib/router';
import { fmtHours, fmtInt, fmtPct } from '../../../lib/format';
import { formatDateNo } from '../../../../../shared/calendar';
import { STATUS_LABEL } from '../../../../../shared/review/pack';
import { count, plural } from '../../../../../shared/text';
import { averagePosition } from '../../../../../shared/metrics/positions';
import { useScenarioOfPlan } from '../ScenarioBanner';

// ------------------------------------------------------------------------------- step 5
/** Puts the cursor on the first day where a shift lacks people and scrolls the grid there. */
function jumpToFirstMissing(cov: CoverageView) {
  let first = -1;
  for (const row of cov.rows) {
    const c = row.byDay.findIndex((d) => d?.status === 'under');
    if (c >= 0 && (first < 0 || c < first)) first = c;
  }
  if (first < 0) return;
  const s = usePlan.getState();
  const employee = s.employees[s.cursor.r];
  if (employee) reveal({ employeeId: employee.id, date: s.days[first] });
}

export function WeekdaysStep() {
  const cov = useCoverage();
  const employees = usePlan((s) => s.employees);
  const stats = usePlan((s) => s.stats);
  const short = employees
    .map((e) => ({ e, st: stats[e.id] }))
    .filter((x) => x.st && x.st.targetHours - x.st.plannedHours >= 0.5)
    .sort((a, b) => b.st.targetHours - b.st.plannedHours - (a.st.targetHours - a.st.plannedHours));
  return (
    <div>
      <p className="muted">
        Fyll hverdagene med D, A og N. Radene øverst i turnusen viser planlagt/trengs per vakt: <span className="bad">rødt</span> mangler
        folk, grønt er dekket. Tallene til høyre viser om hver ansatt får timene stillingen sin skal ha.
      </p>
      <p>
        {cov.uncoveredShifts === 0 ? (
          <span className="ok">Bemanningsplanen er dekket hele perioden.</span>
        ) : (
          <>
            Det mangler <b>{cov.uncoveredShifts}</b> {plural(cov.uncoveredShifts, 'vakt', 'vakter')} ({fmtInt(cov.uncoveredHours)} timer)
            mot bemanningsplanen. Det er vikarbehovet slik planen står nå.
          </>
        )}
      </p>
      {cov.uncoveredShifts > 0 && (
        <p>
          <button type="button" onClick={() => jumpToFirstMissing(cov)}>
            Vis første dag som mangler folk
          </button>
        </p>
      )}
      {short.length > 0 && (
        <p>
          Har for få timer:{' '}
          {short
            .slice(0, 8)
            .map((x) => `${x.e.name} (${fmtHours(x.st.targetHours - x.st.plannedHours)} t)`)
            .join(', ')}
          {short.length > 8 && ` og ${short.length - 8} til`}.
        </p>
      )}
    </div>
  );
}

// ------------------------------------------------------------------------------- step 6
export function ReviewStep() {
  const plan = usePlan((s) => s.plan)!;
  const scenario = useScenarioOfPlan(plan.id);
  const errors = useRules((s) => s.counts.error);
  const cov = useCoverage();
  const employees = usePlan((s) => s.employees);
  const stats = usePlan((s) => s.stats);
  const off = employees.filter((e) => stats[e.id] && Math.abs(stats[e.id].plannedHours - stats[e.id].targetHours) >= 0.5);
  const avgResult = averagePosition(employees.map((e) => stats[e.id]?.resultingPosition ?? 0));
  const avgContract = averagePosition(employees.map((e) => e.position));
  return (
    <div>
      <ul className="checklist">
        <li className={errors ? 'bad' : 'ok'}>
          {errors ? `${errors} brudd på arbeidsmiljøloven eller avtalene (se listen til høyre)` : 'Ingen lovbrudd'}
        </li>
        <li className={cov.uncoveredShifts ? 'bad' : 'ok'}>
          {cov.uncoveredShifts
            ? `${count(cov.uncoveredShifts, 'vakt', 'vakter')} mangler mot bemanningsplanen`
            : 'Bemanningsplanen er dekket'}
        </li>
        <li className={off.length ? 'warn' : 'ok'}>
          {off.length
            ? `${count(off.length, 'ansatt', 'ansatte')} har ikke timene stillingen deres skal ha`
            : 'Alle har riktig antall timer'}
        </li>
        <li>
          Gjennomsnittlig stillingsprosent: avtalt {fmtPct(avgContract)}, i planen {fmtPct(avgResult)}
        </li>
      </ul>
      {scenario ? (
        <p className="muted">
          Dette er scenarioet «{scenario.name}». Et scenario drøftes ikke: gjør det til gjeldende plan på{' '}
          <a href={hrefOf({ name: 'scenario', scenarioId: scenario.scenarioId })}>scenarioets side</a>, og send så planen til drøfting.
        </p>
      ) : (
        <p className="muted">
          Planen skal drøftes med tillitsvalgte minst 14 dager før den starter ({formatDateNo(plan.start)}). Status nå:{' '}
          <b>{STATUS_LABEL[plan.status]}</b>. Send den til drøfting og lag drøftingspakken under{' '}
          <a href={hrefOf({ name: 'review', planId: plan.id, tab: 'status' })}>Drøfting, versjoner og eksport</a>.
        </p>
      )}
    </div>
  );
}
