/**
 * Step 4: the weekend rhythm (frequency, anchor, groups — saved in one call) and the langvakter
 * on the groups' weekends, laid through the rule checker (shared/askermodellen/langvakt.ts).
 */
import { useId, useMemo, useState } from 'react';
import { usePlan, keyOf } from '../../../stores/plan';
import { api, messageOf } from '../../../api';
import { balancePlanWeekendGroups, groupWeekends, weekendGroupSummary, weekendPlacement } from '../../../lib/steps';
import { FormError } from '../../../components/Field';
import { weekendAnchorOf } from '../../../../../shared/plan/weekend-groups';
import { formatDateNo, fromDay, isIsoDate, isoWeekday, toDay, weekendsIn } from '../../../../../shared/calendar';
import type { TurnusPlan } from '../../../../../shared/plan/model';
import { currentPlanFile, useSortedEmployees } from './common';
import { EmployeeGroupTable, WeekendGroupSummaryTable } from './WeekendGroups';
import { count } from '../../../../../shared/text';
import { DateField } from '../../../components/DateField';

const short = (d: number) => formatDateNo(fromDay(d), false).slice(0, 5);

/** The plan file as it would be with this rhythm and these groups (for the summaries). */
function withRhythm(file: TurnusPlan, k: number, anchor: string, groups: ReadonlyMap<string, number>): TurnusPlan {
  return {
    ...file,
    unit: { ...file.unit, weekendFrequency: k, weekendAnchor: anchor },
    employees: file.employees.map((e) => {
      const g = groups.get(e.id);
      const { weekendGroup: _g, ...rest } = e;
      return g === undefined ? rest : { ...rest, weekendGroup: g };
    }),
  };
}
import { useScenarioOfPlan } from '../ScenarioBanner';
import { StackField } from './form-rows';

export function WeekendStep() {
  const anchorId = useId();
  const plan = usePlan((s) => s.plan)!;
  const rev = usePlan((s) => s.rev);
  const employees = useSortedEmployees();
  // In a scenario's plan the rhythm and groups belong to the scenario, never to the unit.
  const scenario = useScenarioOfPlan(plan.id);
  const [k, setK] = useState<number>(plan.file.unit.weekendFrequency ?? 4);
  const [anchor, setAnchor] = useState<string>(() => {
    const a = weekendAnchorOf(plan.file);
    return a === null ? plan.start : fromDay(a);
  });
  const [groups, setGroups] = useState<Map<string, number>>(
    () => new Map(employees.filter((e) => e.weekendGroup !== undefined).map((e) => [e.id, e.weekendGroup!])),
  );
  const [msg, setMsg] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const longShift = plan.file.shiftTypes.find((s) => s.long);
  const nWeekends = weekendsIn(toDay(plan.start), toDay(plan.end)).length;
  const anchorError = !isIsoDate(anchor)
    ? 'Velg en lørdag.'
    : isoWeekday(toDay(anchor)) !== 5
      ? `${formatDateNo(anchor)} er ikke en lørdag. Velg lørdagen gruppe 1 jobber.`
      : null;
  const missing = employees.filter((e) => groups.get(e.id) === undefined || groups.get(e.id)! >= k);

  // biome-ignore lint/correctness/useExhaustiveDependencies: currentPlanFile() reads the store; `plan` and `rev` (absence on weekends) are the triggers to recompute
  const rhythmPlan = useMemo(() => {
    const file = currentPlanFile();
    return file && !anchorError ? withRhythm(file, k, anchor, groups) : null;
    // `rev`: the cells (absence on weekends) change what a group can give.
  }, [plan, rev, k, anchor, groups, anchorError]);
  const summary = useMemo(() => (rhythmPlan ? weekendGroupSummary(rhythmPlan, groups, k) : null), [rhythmPlan, groups, k]);

  const ruleNotes = notes.filter((n) => /regel/.test(n));
  const otherNotes = notes.filter((n) => !/regel/.test(n));

  function changed() {
    setMsg(null);
    setNotes([]);
  }

  async function save(): Promise<boolean> {
    setError(null);
    if (anchorError) {
      setError(anchorError);
      return false;
    }
    try {
      const groupRows = employees.map((e) => ({
        employeeId: e.id,
        weekendGroup: groups.has(e.id) && groups.get(e.id)! < k ? groups.get(e.id)! : null,
      }));
      if (scenario) {
        await api.saveScenarioWeekendSetup(scenario.scenarioId, {
          weekendFrequency: k,
          groups: groupRows.filter((g): g is { employeeId: string; weekendGroup: number } => g.weekendGroup !== null),
        });
      } else {
        await api.saveWeekendSetup(plan.unitId, { weekendFrequency: k, weekendAnchor: anchor, groups: groupRows });
      }
      await usePlan.getState().reloadFile();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  }

  async function layLongShifts() {
    setError(null);
    if (!longShift) {
      setError('Avdelingen har ingen vakttype merket som langvakt. Merk L som langvakt under «Vakttyper».');
      return;
    }
    if (missing.length) {
      setError(`Gi alle en helgegruppe først (mangler: ${missing.map((e) => e.name).join(', ')}).`);
      return;
    }
    if (!(await save())) return;
    const s = usePlan.getState();
    const file = currentPlanFile();
    if (!file) return;
    const p = weekendPlacement(s.employees, groups, k, { start: plan.start, end: plan.end }, (id, d) => !!s.cells.get(keyOf(id, d)), file);
    // Laid locked, so «Fyll ut» fills around the rhythm instead of moving it.
    try {
      await s.flush();
      await api.setCells(
        plan.id,
        p.changes.map((c) => ({ employeeId: c.employeeId, date: c.date, code: c.code ?? longShift.code, pinned: true })),
      );
    } catch (err) {
      setError(messageOf(err));
      return;
    } finally {
      await usePlan.getState().reloadFile();
    }
    const laidLong = p.changes.filter((c) => !c.code || c.code === longShift.code).length;
    const shorter = p.changes.length - laidLong;
    setMsg(
      `${laidLong} langvakter (${longShift.code}) lagt inn uten regelbrudd og låst, så «Fyll ut» lar dem stå.` +
        (shorter ? ` ${shorter} dager fikk en kortere vakt fordi langvakt ville brutt en regel.` : '') +
        (p.skipped ? ` ${p.skipped} helgedager ble hoppet over.` : '') +
        (p.withoutConsent.length
          ? ` Uten samtykke til langvakt (legg inn helgevakter selv): ${p.withoutConsent.map((e) => e.name).join(', ')}.`
          : ''),
    );
    setNotes(p.notes);
  }

  return (
    <div>
      <p className="muted">
        Askermodellen: langvakter lørdag og søndag, hver {k}. helg. Perioden har {count(nWeekends, 'helg', 'helger')}. Del de ansatte i {k}{' '}
        grupper. Gruppe 1 jobber helgen som starter på <b>ankerlørdagen</b>, gruppe 2 helgen etter, osv. Ankeret lagres på avdelingen, så
        neste plan fortsetter rytmen der denne slutter. Langvakter legges bare på dem som har samtykket.
      </p>
      <div className="form-row">
        <StackField label="Hver ansatt jobber">
          <select
            value={k}
            onChange={(e) => {
              setK(Number(e.target.value));
              changed();
            }}
          >
            <option value={2}>annenhver helg</option>
            <option value={3}>hver 3. helg</option>
            <option value={4}>hver 4. helg</option>
          </select>
        </StackField>
        <StackField
          label="Gruppe 1 jobber lørdag"
          htmlFor={anchorId}
          error={anchorError}
          after={!anchorError && <span className="muted">{formatDateNo(anchor)}</span>}
        >
          <DateField
            id={anchorId}
            label="Ankerlørdag (gruppe 1 jobber)"
            value={anchor}
            onChange={(v) => {
              setAnchor(v);
              changed();
            }}
            aria-invalid={!!anchorError}
            aria-label="Ankerlørdag (gruppe 1 jobber)"
          />
        </StackField>
        <button
          type="button"
          className="align-end"
          disabled={!rhythmPlan}
          onClick={() => {
            if (rhythmPlan) setGroups(balancePlanWeekendGroups(rhythmPlan, k, groups));
            changed();
          }}
        >
          Fordel grupper jevnt
        </button>
      </div>
      {rhythmPlan && (
        <ul className="group-dates" aria-label="Helgene til hver gruppe">
          {Array.from({ length: k }, (_, g) => {
            const sats = groupWeekends(rhythmPlan, g, k);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the weekend group number itself
              <li key={g}>
                <b>Gruppe {g + 1}</b>:{' '}
                {sats
                  .slice(0, 4)
                  .map((d) => `${short(d)}–${short(d + 1)}`)
                  .join(', ')}
                {sats.length > 4 ? ` og ${count(sats.length - 4, 'helg', 'helger')} til` : ''}
              </li>
            );
          })}
        </ul>
      )}
      {summary && <WeekendGroupSummaryTable summary={summary} />}
      <EmployeeGroupTable
        employees={employees}
        groups={groups}
        k={k}
        onChange={(id, g) => {
          const m = new Map(groups);
          if (g === null) m.delete(id);
          else m.set(id, g);
          setGroups(m);
          changed();
        }}
      />
      <div className="buttons">
        <button type="button" onClick={() => void save().then((ok) => ok && setMsg('Helgerytme, anker og grupper er lagret.'))}>
          Lagre grupper
        </button>
        <button type="button" className="primary" onClick={() => void layLongShifts()}>
          Legg langvakter på gruppenes helger
        </button>
      </div>
      {msg && (
        <p className="ok" role="status">
          {msg}
        </p>
      )}
      {ruleNotes.length > 0 && (
        <details open className="langvakt-notes">
          <summary>Kortere vakt eller ingen vakt fordi langvakt ville brutt en regel ({ruleNotes.length})</summary>
          <ul aria-label="Merknader om langvaktene">
            {ruleNotes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      {otherNotes.length > 0 && (
        <details className="langvakt-notes">
          <summary>Helgedager som allerede hadde ferie, fravær eller en vakt ({otherNotes.length})</summary>
          <ul aria-label="Helgedager som ble hoppet over">
            {otherNotes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      <FormError message={error} />
    </div>
  );
}
