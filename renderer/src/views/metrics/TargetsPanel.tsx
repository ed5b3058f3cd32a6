import { useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { TARGET_PROFILES, heltidsandel, paidPosition, progressToward, type TargetProgress } from '../../../../shared/metrics';
import type { PlanMetrics } from './compute';
import { Tag, TargetProfileField, pct } from '../../components/figures';
import { fmtPct } from '../../lib/format';
import { count } from '../../../../shared/text';

export function ProgressTable({ tp, label }: { tp: TargetProgress; label: string }) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th>Mål</th>
          <th className="num">Nå</th>
          <th className="num">Mål {tp.profile.targetYear ?? ''}</th>
          <th className="num">Delmål {tp.year}</th>
          <th className="num">Gjenstår</th>
          <th>Fremdrift</th>
          <th>I rute?</th>
        </tr>
      </thead>
      <tbody>
        {tp.metrics.map((x) => (
          <tr key={x.metric}>
            <td>{x.label}</td>
            <td className="num">
              <b>{pct(x.value)}</b>
            </td>
            <td className="num">{x.target === null ? '–' : pct(x.target)}</td>
            <td className="num">{x.milestone === null ? '–' : pct(x.milestone)}</td>
            <td className="num">{x.gap === null ? '–' : x.gap <= 0 ? 'nådd' : `${(x.gap * 100).toFixed(1).replace('.', ',')} pp`}</td>
            <td>
              {x.progress === null ? (
                '–'
              ) : (
                <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
                  <div className="progress" title={pct(x.progress)}>
                    <span style={{ width: `${Math.max(0, Math.min(100, x.progress * 100))}%` }} />
                  </div>
                  <span>{pct(x.progress)}</span>
                </div>
              )}
            </td>
            <td>{x.onTrack === null ? '–' : x.onTrack ? <span className="ok">Ja</span> : <span className="bad">Nei</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TargetsPanel({ plan, m }: { plan: PlanDetail; m: PlanMetrics }) {
  const [profileId, setProfileId] = useState('asker-2030');
  const [year, setYear] = useState(+plan.file.period.start.slice(0, 4));
  const profile = TARGET_PROFILES.find((p) => p.id === profileId)!;
  const paid = m.pos.employees.map(paidPosition);
  const contracted = m.pos.employees.map((e) => e.contracted);
  const tpPaid = progressToward(paid, profile, year, 'resulting');
  const tpContr = progressToward(contracted, profile, year, 'contracted');
  return (
    <section aria-label="Mål">
      <div className="form-row">
        <TargetProfileField id="profile" value={profileId} onChange={setProfileId} />
        <div className="field">
          <label htmlFor="year">År for delmål</label>
          <input
            id="year"
            className="num small"
            style={{ width: '5rem' }}
            type="number"
            min={2020}
            max={2040}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
        </div>
      </div>
      <p className="assume">
        {profile.source} <Tag tag={profile.tag} /> Heltid = stilling på minst {fmtPct(profile.heltidThreshold)} i denne profilen
        {profile.heltidThreshold !== m.pos.unit.threshold ? ` (avdelingen bruker ${fmtPct(m.pos.unit.threshold)} ellers i appen)` : ''}.
      </p>
      <h2>Med planen (betalt stilling = den største av avtalt og det planen gir)</h2>
      <ProgressTable tp={tpPaid} label="Fremdrift med planen" />
      <h2>Avtalte stillinger i dag</h2>
      <ProgressTable tp={tpContr} label="Fremdrift avtalte stillinger" />
      <p className="assume">
        Fremdrift = (verdi − utgangspunkt) ÷ (mål − utgangspunkt), eller verdi ÷ mål når profilen ikke har et utgangspunkt. Delmål = rett
        linje fra utgangspunktet til målet <Tag tag="INFERENS" />. Heltidsandel med planen:{' '}
        {pct(heltidsandel(paid, profile.heltidThreshold))} av {count(paid.length, 'ansatt', 'ansatte')}.
      </p>
    </section>
  );
}
