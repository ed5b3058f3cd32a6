import { useMemo, useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { helgekalkulator, helgekalkulatorFromDemand, weeklyDemandHours } from '../../../../shared/metrics';
import { parseDecimal, parsePercent } from '../../lib/format';
import { AssumptionTable, Kpi, Tag, hrs, pct } from '../../components/figures';

const dec = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d).replace('.', ',') : '∞');

export function CalculatorPanel({ plan }: { plan: PlanDetail }) {
  const weekly = useMemo(() => weeklyDemandHours(plan.file.demand, plan.file.shiftTypes), [plan]);
  const hasDemand = weekly.weekday > 0 && weekly.weekend > 0;
  const [source, setSource] = useState<'ratio' | 'plan'>('ratio');
  const [ratio, setRatio] = useState('1');
  const [shiftHours, setShiftHours] = useState(7.5);
  const [frequency, setFrequency] = useState(3);
  const [vacation, setVacation] = useState('0');
  const [target, setTarget] = useState('90');

  const r = parseDecimal(ratio);
  const a = parseDecimal(vacation);
  const p = parsePercent(target);
  let error: string | null = null;
  if (source === 'ratio' && (r === null || r <= 0)) error = 'Forholdet helg/hverdag må være et tall større enn 0, f.eks. 1 eller 0,75.';
  else if (a === null || a < 0 || a >= 1) error = 'Andel helger tapt til ferie må være et tall fra 0 til under 1, f.eks. 0 eller 0,096.';
  else if (p === null || p <= 0 || p > 1) error = 'Målet for gjennomsnittlig stilling må være en prosent mellom 1 og 100.';
  else if (source === 'plan' && !hasDemand) error = 'Bemanningsplanen mangler behov på hverdager eller i helgene.';

  const res = useMemo(() => {
    if (error) return null;
    const opts = { shiftHours, frequency, vacationShare: a!, targetPosition: p! };
    return source === 'plan'
      ? { kind: 'plan' as const, ...helgekalkulatorFromDemand(plan.file.demand, plan.file.shiftTypes, opts) }
      : { kind: 'ratio' as const, ...helgekalkulator({ weekendRatio: r!, ...opts }) };
  }, [error, source, r, a, p, shiftHours, frequency, plan]);

  return (
    <section aria-label="Helgekalkulator">
      <p className="lead">
        Hvor store stillinger kan avdelingen tilby, når helgene skal dekkes og hver ansatt bare jobber hver k-te helg? Regnestykket er
        klassisk turnusmatematikk <Tag tag="INFERENS" />: helgebehovet bestemmer hvor mange personer som trengs, og timene i uka deles på
        dem.
      </p>
      <div className="calc">
        <fieldset aria-label="Inndata">
          <legend>Inndata</legend>
          <div className="radio-row" role="radiogroup" aria-label="Helgebehov">
            <label>
              <input type="radio" name="src" checked={source === 'ratio'} onChange={() => setSource('ratio')} /> Skriv inn forholdet
            </label>
            <label>
              <input type="radio" name="src" checked={source === 'plan'} onChange={() => setSource('plan')} /> Hent fra bemanningsplanen
            </label>
          </div>
          {source === 'ratio' ? (
            <div className="field">
              <label htmlFor="calc-r">Behov en helgedag ÷ behov en hverdag (r)</label>
              <input id="calc-r" className="num" value={ratio} onChange={(e) => setRatio(e.target.value)} />
              <small className="field-hint">1 = like mange timer på lørdag og søndag som på en hverdag. 0,75 = tre firedeler.</small>
            </div>
          ) : (
            <p className="assume">
              Fra bemanningsplanen: {hrs(weekly.weekday)} per hverdag, {hrs(weekly.saturday)} lørdag, {hrs(weekly.sunday)} søndag. r ={' '}
              {dec(weekly.weekendRatio)}; helgen er {pct(weekly.weekend / Math.max(1, weekly.total))} av ukas {hrs(weekly.total)}.
            </p>
          )}
          <div className="field">
            <span className="kpi-label">Vaktlengde i helgen</span>
            <div className="radio-row" role="radiogroup" aria-label="Vaktlengde i helgen">
              <label>
                <input type="radio" name="len" checked={shiftHours === 7.5} onChange={() => setShiftHours(7.5)} /> 7,5 t (dag/kveld)
              </label>
              <label>
                <input type="radio" name="len" checked={shiftHours === 12.5} onChange={() => setShiftHours(12.5)} /> 12,5 t (langvakt)
              </label>
            </div>
          </div>
          <div className="field">
            <span className="kpi-label">Hver ansatt jobber</span>
            <div className="radio-row" role="radiogroup" aria-label="Helgefrekvens">
              {[2, 3, 4].map((k) => (
                <label key={k}>
                  <input type="radio" name="freq" checked={frequency === k} onChange={() => setFrequency(k)} />{' '}
                  {k === 2 ? 'annenhver' : `hver ${k}.`} helg
                </label>
              ))}
            </div>
          </div>
          <div className="field">
            <label htmlFor="calc-a">Andel helger tapt til ferie (a)</label>
            <input id="calc-a" className="num" value={vacation} onChange={(e) => setVacation(e.target.value)} />
            <small className="field-hint">
              0 = ser bort fra ferie. Fem ukers ferie ≈ 5/52 = 0,096.{' '}
              <button type="button" className="link" onClick={() => setVacation('0,096')}>
                Bruk 0,096
              </button>
            </small>
          </div>
          <div className="field">
            <label htmlFor="calc-p">Mål for gjennomsnittlig stilling (%)</label>
            <input id="calc-p" className="num" value={target} onChange={(e) => setTarget(e.target.value)} />
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>

        {res && (
          <div>
            <div className="kpis">
              <Kpi
                label="Høyeste gjennomsnittlige stilling"
                testId="pmax"
                value={
                  <output className="big-out" data-testid="pmax">
                    {pct(res.maxAveragePosition)}
                  </output>
                }
                assume={
                  <>
                    p̄ = 2h (1 − a) · H_tot ÷ (k · T · H_helg), T = 35,5 t <Tag tag="INFERENS" />
                  </>
                }
              />
              <Kpi
                label="Personer per helgepost"
                testId="hoder"
                value={dec(res.headsPerWeekendPost)}
                sub={`Hver person som trengs på jobb en helgedag krever ${dec(res.headsPerWeekendPost)} ansatte i rotasjonen`}
                assume="k ÷ (1 − a)"
              />
              {res.kind === 'plan' && (
                <Kpi
                  label="Ansatte som trengs for helgene"
                  testId="hoder-totalt"
                  value={dec(res.headsNeeded, 1)}
                  sub={`Ukas behov tilsvarer ${dec(res.fteNeeded, 1)} årsverk`}
                  assume="N = k · H_helg ÷ (2h (1 − a))"
                />
              )}
              <Kpi
                label={`Helgefrekvens for snitt ${pct(res.targetPosition)}`}
                testId="kmax"
                value={<>hver {dec(res.frequencyForTarget, 1)}. helg</>}
                sub={
                  <>
                    Det vil si {pct(Math.min(1, 1 / res.frequencyForTarget))} av helgene.{' '}
                    {res.frequencyForTarget >= frequency
                      ? 'Målet nås med valgt helgefrekvens.'
                      : `Med hver ${frequency}. helg nås ikke målet: de ansatte må jobbe oftere i helgene, eller helgebehovet må ned.`}
                  </>
                }
                assume="k_max = 2h (1 − a) · H_tot ÷ (p̄ · T · H_helg): den sjeldneste helgefrekvensen som fortsatt gir målet"
              />
            </div>
            <p className="explain">
              Med {shiftHours === 7.5 ? '7,5' : '12,5'} timers vakter, {frequency === 2 ? 'annenhver' : `hver ${frequency}.`} helg
              {source === 'ratio'
                ? ` og like ${r === 1 ? 'stort' : 'stort (r = ' + dec(r!) + ')'} behov i helgene som på hverdager`
                : ' og bemanningsplanen slik den er'}
              , kan gjennomsnittlig stilling bli høyst <b>{pct(res.maxAveragePosition)}</b> hvis de samme personene skal dekke både helger
              og hverdager. Snitt {pct(res.targetPosition)} krever at helgeandelen av timene er høyst {pct(res.maxWeekendShareForTarget)}
              {Number.isFinite(res.maxWeekendRatioForTarget) ? ` (r ≤ ${dec(res.maxWeekendRatioForTarget)})` : ''}.
            </p>
            <table className="table compact" aria-label="Andre helgerytmer">
              <thead>
                <tr>
                  <th>Helgerytme</th>
                  <th className="num">Høyeste snitt</th>
                  <th className="num">Ansatte per helgepost</th>
                  <th className="num">Helgetimer per ansatt per uke</th>
                </tr>
              </thead>
              <tbody>
                {res.rhythms.map((x) => (
                  <tr key={x.frequency} className={x.frequency === frequency ? 'ok' : undefined}>
                    <td>{x.frequency === 2 ? 'Annenhver' : `Hver ${x.frequency}.`} helg</td>
                    <td className="num">{pct(x.maxAveragePosition)}</td>
                    <td className="num">{dec(x.headsPerWeekendPost)}</td>
                    <td className="num">{dec(x.weekendHoursPerHeadWeek)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AssumptionTable items={res.assumptions} caption="Forutsetninger" />
          </div>
        )}
      </div>
    </section>
  );
}
