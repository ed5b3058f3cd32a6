import type { PlanDetail } from '../../../../shared/api';
import { ABSENCE_COVER_LABEL, type SlotCoverage } from '../../../../shared/metrics';
import { MONTH_LONG, WEEKDAY_SHORT, formatDateNo, isoWeekday, isRedDay } from '../../../../shared/calendar';
import type { PlanMetrics } from './compute';
import { Kpi, Tag, hrs } from '../../components/figures';
import { count } from '../../../../shared/text';

function heatClass(s: SlotCoverage | undefined): string {
  if (!s || (s.needed === 0 && s.planned === 0)) return 'h-none';
  if (s.status === 'under') return s.missing >= 3 ? 'h-under3' : s.missing === 2 ? 'h-under2' : 'h-under1';
  if (s.status === 'over' || s.status === 'unplanned') return 'h-over';
  return 'h-ok';
}

function heatText(s: SlotCoverage | undefined): string {
  if (!s) return '';
  if (s.missing > 0) return `−${s.missing}`;
  if (s.surplus > 0) return `+${s.surplus}`;
  return '';
}

export function CoveragePanel({ plan, m }: { plan: PlanDetail; m: PlanMetrics }) {
  const c = m.cov;
  const codes: string[] = [];
  for (const st of plan.file.shiftTypes) if (c.days.some((d) => d.slots.some((s) => s.shift === st.code))) codes.push(st.code);
  for (const d of c.days) for (const s of d.slots) if (!codes.includes(s.shift)) codes.push(s.shift);
  const months = new Map<string, typeof c.days>();
  for (const d of c.days) {
    const k = d.date.slice(0, 7);
    months.set(k, [...(months.get(k) ?? []), d]);
  }
  const absenceVikar = m.absence.filter((a) => a.status === 'vikar');
  return (
    <section aria-label="Dekning">
      <div className="kpis">
        <Kpi
          label="Behov i bemanningsplanen"
          testId="behov"
          value={hrs(c.neededHours)}
          sub={`${count(c.neededShifts, 'vakt', 'vakter')} i perioden`}
          assume={
            <>
              Summen av vaktene bemanningsplanen krever hver dag × vaktens betalte timer <Tag tag="PRAKSIS" />
            </>
          }
        />
        <Kpi
          label="Udekkede vakter"
          testId="udekkede-vakter"
          value={c.uncoveredShifts}
          assume={
            <>
              Behov som ingen fast ansatt er satt opp på. Kompetansekrav fylles først, så «hvem som helst» <Tag tag="INFERENS" />
            </>
          }
        />
        <Kpi
          label="Udekkede timer = planlagt vikarbehov"
          testId="udekkede-timer"
          value={hrs(c.uncoveredHours)}
          assume={
            <>
              Udekkede vakter × vaktens betalte timer <Tag tag="INFERENS" />. Sykefravær kommer i tillegg (se Økonomi).
            </>
          }
        />
        <Kpi
          label="Vakter uten behov"
          testId="overdekning"
          value={`${c.surplusShifts} (${hrs(c.surplusHours)})`}
          assume="Vakter som ikke fyller noe behov i bemanningsplanen (overdekning)."
        />
      </div>

      <h2>Dekning dag for dag</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of colour swatches, not form controls, so no fieldset */}
      <div className="legend" role="group" aria-label="Fargeforklaring">
        <span>
          <i className="sw h-ok" />
          Dekket
        </span>
        <span>
          <i className="sw h-under1" />
          Mangler 1
        </span>
        <span>
          <i className="sw h-under2" />
          Mangler 2
        </span>
        <span>
          <i className="sw h-under3" />
          Mangler 3 eller flere
        </span>
        <span>
          <i className="sw h-over" />
          Flere enn behovet (+)
        </span>
        <span>
          <i className="sw h-none" />
          Ingen behov og ingen på vakt
        </span>
      </div>
      <p className="assume">Tallet i ruten er hvor mange som mangler (−) eller er for mange (+). Hold musen over en rute for detaljer.</p>
      {[...months].map(([key, days]) => {
        const [y, mo] = key.split('-').map(Number);
        return (
          <div key={key} className="heat-month">
            <table className="heat" aria-label={`Dekning ${MONTH_LONG[mo - 1]} ${y}`}>
              <thead>
                <tr>
                  <th className="rowh">
                    {MONTH_LONG[mo - 1]} {y}
                  </th>
                  {days.map((d) => {
                    const wd = isoWeekday(d.day);
                    return (
                      <th key={d.date} className={wd >= 5 || isRedDay(d.day) ? 'we' : undefined} title={formatDateNo(d.date)}>
                        {WEEKDAY_SHORT[wd].slice(0, 1)}
                        <br />
                        {Number(d.date.slice(8))}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {codes.map((code) => (
                  <tr key={code}>
                    <th className="rowh">{code}</th>
                    {days.map((d) => {
                      const s = d.slots.find((x) => x.shift === code);
                      const title = s
                        ? `${formatDateNo(d.date)} ${code}: behov ${s.needed}, på vakt ${s.planned}${s.missing ? `, mangler ${s.missing}` : ''}`
                        : `${formatDateNo(d.date)} ${code}: ingen behov`;
                      return (
                        <td key={d.date} className={heatClass(s)} title={title}>
                          {heatText(s)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}

      <h2>Helgene</h2>
      <table className="table compact" aria-label="Dekning i helgene">
        <thead>
          <tr>
            <th>Helg</th>
            <th>Vakter</th>
            <th className="num">Behov</th>
            <th className="num">Mangler</th>
            <th className="num">Udekkede timer</th>
            <th className="num">Personer på jobb</th>
          </tr>
        </thead>
        <tbody>
          {m.wcov.map((w) => (
            <tr key={w.saturday}>
              <td>
                {formatDateNo(w.saturday)} – {formatDateNo(w.sunday, false)}
              </td>
              <td>
                {w.shifts
                  .map((s) => `${s.shift}: lør ${s.saturday.filled}/${s.saturday.needed}, søn ${s.sunday.filled}/${s.sunday.needed}`)
                  .join(' · ')}
              </td>
              <td className="num">{w.needed}</td>
              <td className={'num' + (w.missing ? ' bad' : '')}>{w.missing}</td>
              <td className="num">{hrs(w.missingHours)}</td>
              <td className="num">{w.heads}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="assume">«lør 2/3» = 2 av 3 nødvendige er satt opp. Personer på jobb = ulike ansatte med vakt lørdag eller søndag.</p>

      <h2>Hvem dekker planlagt fravær</h2>
      {m.absence.length === 0 ? (
        <p className="muted">Ingen planlagt fravær (ferie, kurs, permisjon) i planen.</p>
      ) : (
        <>
          <p>
            {m.absence.length} fraværsdager, av dem {absenceVikar.length} som blir stående til vikar (
            {hrs(absenceVikar.reduce((s, a) => s + a.vikarHours, 0))}).
          </p>
          <table className="table compact" aria-label="Planlagt fravær">
            <thead>
              <tr>
                <th>Ansatt</th>
                <th>Dato</th>
                <th>Fravær</th>
                <th>Vanlig vakt</th>
                <th>Status</th>
                <th>Dekket av</th>
                <th className="num">Vikartimer</th>
              </tr>
            </thead>
            <tbody>
              {m.absence.map((a) => (
                <tr key={a.employee + a.date}>
                  <td>{m.names.get(a.employee)}</td>
                  <td>{formatDateNo(a.date)}</td>
                  <td>{a.code}</td>
                  <td>{a.usualShift ?? '–'}</td>
                  <td className={a.status === 'vikar' ? 'bad' : a.status === 'dekket' ? 'ok' : undefined}>
                    {ABSENCE_COVER_LABEL[a.status]}
                  </td>
                  <td>{a.status === 'dekket' ? a.coveredBy.map((id) => m.names.get(id) ?? id).join(', ') : '–'}</td>
                  <td className="num">{a.vikarHours ? hrs(a.vikarHours) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="assume">
            Vanlig vakt = den vakten personen oftest har på samme slags dag (hverdag, lørdag, søn-/helligdag) i planen{' '}
            <Tag tag="INFERENS" />.
          </p>
        </>
      )}
    </section>
  );
}
