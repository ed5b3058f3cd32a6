import type { PlanDetail } from '../../../../shared/api';
import { SMALL_POSITION } from '../../../../shared/metrics';
import { COMPETENCE_LABEL, type Competence } from '../../../../shared/plan/model';
import { formatDateNo } from '../../../../shared/calendar';
import { fmtPct } from '../../lib/format';
import type { PlanMetrics } from './compute';
import { Bar, BeforeAfter, Kpi, Tag, hrs, pct, signed } from '../../components/figures';
import { count } from '../../../../shared/text';

const comp = (c: string) => COMPETENCE_LABEL[c as Competence] ?? c;
const REDUCTION: Record<string, string> = {
  MONSAT_T_OVER_6: 'røde dager mandag–lørdag × T/6',
  MONFRI_T_OVER_5: 'røde dager mandag–fredag × T/5',
  NONE: 'ingen fradrag for røde dager',
};

export function PositionsPanel({ plan, m }: { plan: PlanDetail; m: PlanMetrics }) {
  const u = m.pos.unit;
  const thr = fmtPct(u.threshold);
  const max = Math.max(1, ...m.pos.employees.map((e) => Math.max(e.resulting, e.contracted, e.wanted ?? 0)));
  return (
    <section aria-label="Stillinger">
      <div className="kpis">
        <Kpi
          label="Heltidsandel"
          testId="heltidsandel"
          value={<BeforeAfter before={u.heltidsandel.contracted} after={u.heltidsandel.resulting} fmt={pct} />}
          sub="avtalt → det planen gir"
          assume={
            <>
              Heltid = stilling på minst {thr} (avdelingens innstilling <Tag tag="KONFIG" />
              ). Andel av {count(u.employees, 'ansatt', 'ansatte')}.
            </>
          }
        />
        <Kpi
          label="Gjennomsnittlig stilling"
          testId="snitt"
          value={<BeforeAfter before={u.averagePosition.contracted} after={u.averagePosition.resulting} fmt={pct} />}
          sub={
            <>
              Årsverk: {u.arsverk.contracted.toFixed(2).replace('.', ',')} → {u.arsverk.resulting.toFixed(2).replace('.', ',')}
            </>
          }
          assume={
            <>
              Stillingen planen gir = planlagte timer ÷ timer for 100 % i perioden (fratrukket ferie og helligdager) <Tag tag="PRAKSIS" />
            </>
          }
        />
        <Kpi
          label="Ufrivillig deltid"
          testId="ufrivillig"
          value={<BeforeAfter before={u.involuntary.countBefore} after={u.involuntary.countAfter} fmt={String} />}
          sub={
            u.involuntary.gapBefore > 0 ? (
              <>
                personer, før → etter planen. Planen tetter {pct(u.involuntary.removedShare)} av gapet (
                {Math.max(0, u.involuntary.removed).toFixed(2).replace('.', ',')} av {u.involuntary.gapBefore.toFixed(2).replace('.', ',')}{' '}
                årsverk)
              </>
            ) : (
              <>
                personer, før → etter planen. Avtalt stilling er lik ønsket for alle; planen gir{' '}
                {u.involuntary.gapAfter.toFixed(2).replace('.', ',')} årsverk mindre enn ønsket
              </>
            )
          }
          assume={
            <>
              Ufrivillig deltid = ønsket stilling er høyere enn avtalt stilling <Tag tag="PRAKSIS" />. Etter planen: ønsket er fortsatt
              høyere enn det planen gir.
            </>
          }
        />
        <Kpi
          label={`Små stillinger (under ${fmtPct(SMALL_POSITION)})`}
          testId="sma"
          value={<BeforeAfter before={u.smallPositions.contracted} after={u.smallPositions.resulting} fmt={String} />}
          sub="antall ansatte, avtalt → det planen gir"
          assume={
            <>
              Grense {fmtPct(SMALL_POSITION)} <Tag tag="INFERENS" />
            </>
          }
        />
        <Kpi
          label="Rene helgestillinger"
          testId="helgestillinger"
          value={u.weekendOnly}
          assume={
            <>
              Ansatte som bare har vakter på lørdag og søndag i planen <Tag tag="INFERENS" />
            </>
          }
        />
      </div>

      <h2>Stilling per ansatt: avtalt og det planen gir</h2>
      <div className="legend">
        <span>
          <i className="sw before" />
          Avtalt stilling
        </span>
        <span>
          <i className="sw after" />
          Stilling planen gir (planlagte timer)
        </span>
        <span>
          <i className="sw want" />
          Ønsket stilling
        </span>
      </div>
      <table className="table bars" aria-label="Stilling per ansatt">
        <thead>
          <tr>
            <th>Ansatt</th>
            <th>Kompetanse</th>
            <th className="num">Avtalt</th>
            <th className="num">Planen gir</th>
            <th className="num">Ønsket</th>
            <th className="num">Timer planlagt / skal ha</th>
            <th>Før og etter</th>
          </tr>
        </thead>
        <tbody>
          {m.pos.employees.map((e) => {
            const marks = e.wanted ? [{ at: e.wanted, className: 'b-want', title: `Ønsket ${pct(e.wanted)}` }] : [];
            return (
              <tr key={e.id} data-employee={e.name}>
                <td>{e.name}</td>
                <td>{comp(e.competence)}</td>
                <td className="num">{pct(e.contracted)}</td>
                <td className="num">
                  <b>{pct(e.resulting)}</b>{' '}
                  <span className={e.change >= 0 ? 'pos' : 'neg'}>
                    ({signed(e.change * 100, (x) => x.toFixed(1).replace('.', ','))} pp)
                  </span>
                </td>
                <td className="num">{e.wanted ? pct(e.wanted) : '–'}</td>
                <td className="num">
                  {hrs(e.plannedHours)} / {hrs(e.targetHours)}
                </td>
                <td className="barcell">
                  <Bar value={e.contracted} max={max} className="b-before" marks={marks} />
                  <Bar value={e.resulting} max={max} className="b-after" marks={marks} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="assume">
        «Timer planlagt / skal ha»: timer lagt i turnusen mot timene den avtalte stillingen skal ha i perioden{' '}
        {formatDateNo(plan.file.period.start, false)} – {formatDateNo(plan.file.period.end, false)}, med ferie og helligdager trukket fra (
        {REDUCTION[plan.file.rules?.holidayReduction ?? 'MONSAT_T_OVER_6'] ?? plan.file.rules?.holidayReduction}) <Tag tag="PRAKSIS" />. pp
        = prosentpoeng.
      </p>
    </section>
  );
}
