/** One scenario: what changed, how it compares with its starting point, the stillingsøkning assistant and «Gjør til gjeldende plan». */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Contents } from './ScenarioContents';
import type { PlanDetail } from '../../../../shared/api';
import { computeMetrics } from '../metrics/compute';
import { PositionsPanel } from '../metrics/PositionsPanel';
import { CoveragePanel } from '../metrics/CoveragePanel';
import { WeekendsPanel } from '../metrics/WeekendsPanel';
import { useScenarios } from '../../stores/scenarios';
import type { MakeCurrentResult } from '../../../../shared/api/scenario';
import type { PriorityInfo } from '../../../../shared/scenario';
import { formatDateNo } from '../../../../shared/calendar';
import { RULE_BY_ID } from '../../../../shared/rules';
import { hrefOf } from '../../lib/router';
import { messageOf } from '../../api';
import { FormError } from '../../components/Field';
import { CompareCharts, CompareTable } from './CompareTable';
import { LedgerPanel } from './LedgerPanel';
import { RaisePanel } from './RaisePanel';
import { ScenarioStaff } from './ScenarioStaff';
import { describeScenario } from './ScenariosTab';
import { hrs, pct } from '../../components/figures';
import '../metrics/metrics.css';
import { count } from '../../../../shared/text';

export function ScenarioView({ scenarioId }: { scenarioId: number }) {
  const s = useScenarios((x) => (x.current?.id === scenarioId ? x.current : null));
  const error = useScenarios((x) => x.error);
  const st = useScenarios.getState;
  useEffect(() => {
    void st().open(scenarioId);
  }, [scenarioId]);
  const parts = useRef<(HTMLDivElement | null)[]>([]);
  const part = (i: number) => (el: HTMLDivElement | null) => {
    parts.current[i] = el;
  };

  if (!s)
    return (
      <div className="page">
        <FormError message={error} />
        {!error && <p className="muted">Regner ut scenarioet …</p>}
      </div>
    );
  return (
    <div className="page metrics-page">
      <nav className="crumbs" aria-label="Brødsmuler">
        <a href="#/">Avdelinger</a> ›{' '}
        <a href={hrefOf({ name: 'unit', unitId: s.unitId, tab: 'scenarioer' })}>{s.plan.unit.name}: scenarioer</a> › <span>{s.name}</span>
      </nav>
      <h1>Scenario: {s.name}</h1>
      <p className="muted">
        {formatDateNo(s.period.start)} – {formatDateNo(s.period.end)} · {count(s.plan.employees.length, 'ansatt', 'ansatte')} ·{' '}
        {describeScenario(s)}
        {s.appliedAt && (
          <>
            {' '}
            · <span className="ok">Gjort til gjeldende plan {formatDateNo(s.appliedAt.slice(0, 10))}</span>
          </>
        )}
      </p>
      {s.description && <p>{s.description}</p>}
      {s.planId !== null && (
        <p className="buttons">
          <a className="button primary" href={hrefOf({ name: 'plan', planId: s.planId })}>
            Åpne scenarioets turnus
          </a>
          <span className="muted">
            Egen turnus med rutenett, steg, regelsjekk, «Fyll ut» og nøkkeltall. Endringer der gjelder bare scenarioet.
          </span>
        </p>
      )}

      <Contents scenarioId={s.id} parts={parts} />
      <div ref={part(0)}>
        <LedgerPanel ledger={s.comparison.rows[1].ledger} />
      </div>

      <div ref={part(1)} />
      <h2>Scenarioet mot utgangspunktet</h2>
      <CompareTable cmp={s.comparison} />
      <CompareCharts cmp={s.comparison} />
      <details className="panel">
        <summary>Hva endringene gjorde ({s.log.length} linjer)</summary>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.85rem' }}>{s.log.join('\n') || 'Ingen endringer.'}</pre>
      </details>

      <div ref={part(2)}>
        <ScenarioFigures />
      </div>
      <div ref={part(3)}>
        <ScenarioStaff />
      </div>
      <div ref={part(4)}>
        <Assistant />
      </div>
      <div ref={part(5)}>
        <MakeCurrent />
      </div>
    </div>
  );
}

/** The Nøkkeltall panels (positions, coverage, weekends) on the scenario's own plan. */
function ScenarioFigures() {
  const s = useScenarios((x) => x.current)!;
  const [tab, setTab] = useState<'stillinger' | 'dekning' | 'helg'>('stillinger');
  const plan = useMemo(
    (): PlanDetail => ({
      id: -s.id,
      unitId: s.unitId,
      name: s.name,
      start: s.period.start,
      end: s.period.end,
      status: 'utkast',
      updatedAt: s.updatedAt,
      file: s.plan,
    }),
    [s],
  );
  const m = useMemo(() => computeMetrics(plan), [plan]);
  return (
    <section className="panel" aria-label="Nøkkeltall i scenarioet">
      <h2>Nøkkeltall i scenarioet</h2>
      <nav className="tabs" aria-label="Nøkkeltall i scenarioet">
        {(['stillinger', 'dekning', 'helg'] as const).map((t) => (
          <button
            key={t}
            type="button"
            className={t === tab ? 'tab active' : 'tab'}
            aria-pressed={t === tab}
            onClick={() => setTab(t)}
            style={{ border: t === tab ? undefined : 'none', background: t === tab ? undefined : 'transparent' }}
          >
            {t === 'stillinger' ? 'Stillinger' : t === 'dekning' ? 'Dekning' : 'Helg'}
          </button>
        ))}
      </nav>
      {tab === 'stillinger' && <PositionsPanel plan={plan} m={m} />}
      {tab === 'dekning' && <CoveragePanel plan={plan} m={m} />}
      {tab === 'helg' && <WeekendsPanel plan={plan} m={m} />}
    </section>
  );
}

function Assistant() {
  const s = useScenarios((x) => x.current)!;
  const view = useScenarios((x) => x.assistant);
  const st = useScenarios.getState;
  const partTimers = s.plan.employees.filter((e) => (e.wantedPosition ?? e.position) > e.position || e.position < 1);
  const [priority, setPriority] = useState<Record<string, PriorityInfo>>(s.priority);
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);

  const flag = (id: string, k: keyof PriorityInfo, v: boolean) => setPriority((p) => ({ ...p, [id]: { ...p[id], [k]: v } }));
  async function run() {
    setErr(null);
    setMsg(null);
    setBusy(true);
    try {
      await st().runAssistant(priority);
      setAccepted({});
    } catch (e) {
      setErr(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  async function accept() {
    if (!view) return;
    const offers = view.people
      .filter((p) => accepted[p.id] !== false && p.offers.length > 0)
      .flatMap((p) => p.offers.map((o) => ({ employee: o.employee, date: o.date, shift: o.shift })));
    if (offers.length === 0) {
      setErr('Velg minst én person med tilbud.');
      return;
    }
    setErr(null);
    setBusy(true);
    try {
      await st().accept(offers);
      setMsg(`${count(offers.length, 'vakt', 'vakter')} er lagt inn i scenarioet, og stillingene er økt.`);
    } catch (e) {
      setErr(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section className="panel" aria-label="Stillingsøkning">
        <h2>Stillingsøkning: gi udekkede vakter til deltidsansatte</h2>
        <p>
          Assistenten tilbyr de udekkede vaktene (blant annet vakter som står åpne på grunn av ferie og annet planlagt fravær) til
          deltidsansatte, opp til stillingen de ønsker, i den rekkefølgen loven krever: først de med <b>fortrinnsrett (aml § 14-3)</b>, og
          blant dem først de som
          <b> jevnlig har jobbet mer enn avtalt (aml § 14-4 a)</b>; deretter den som mangler mest opp til ønsket stilling. Hver vakt sjekkes
          mot arbeidstidsreglene før den tilbys.
        </p>
        <table className="table compact" aria-label="Fortrinnsrett">
          <thead>
            <tr>
              <th>Deltidsansatt</th>
              <th className="num">Stilling</th>
              <th className="num">Ønsket</th>
              <th>Fortrinnsrett (§ 14-3)</th>
              <th>Jevnlig merarbeid (§ 14-4 a)</th>
            </tr>
          </thead>
          <tbody>
            {partTimers.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td className="num">{pct(e.position)}</td>
                <td className="num">{e.wantedPosition ? pct(e.wantedPosition) : '–'}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${e.name} har fortrinnsrett`}
                    checked={priority[e.id]?.fortrinnsrett === true}
                    onChange={(x) => flag(e.id, 'fortrinnsrett', x.target.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${e.name} har jevnlig merarbeid`}
                    checked={priority[e.id]?.regularExtraHours === true}
                    onChange={(x) => flag(e.id, 'regularExtraHours', x.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="assume">
          Du må selv vurdere hvem som har fortrinnsrett og jevnlig merarbeid: det avhenger av kvalifikasjoner og historikk planen ikke
          kjenner. Bare ansatte med ønsket stilling over dagens stilling får tilbud.
        </p>
        <div className="buttons">
          <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
            Finn ekstravakter
          </button>
        </div>
        <FormError message={err} />
        {msg && (
          <p className="ok" role="status">
            {msg}
          </p>
        )}
        {view && (
          <section aria-label="Tilbud">
            <p>
              Udekkede timer: <b>{hrs(view.uncoveredBefore.hours)}</b> før, <b>{hrs(view.uncoveredAfter.hours)}</b> hvis alle tilbudene
              godtas ({hrs(view.offeredHours)} vikartimer erstattes av faste ansatte).
            </p>
            {view.people.length === 0 && <p className="muted">Ingen deltidsansatte ønsker større stilling enn de har i dag.</p>}
            {view.people.map((p) => (
              <div key={p.id} className="person" data-person={p.name}>
                <div className="person-head">
                  <span className="rank" title="Rekkefølge">
                    {p.rank}
                  </span>
                  <b>{p.name}</b>
                  <span>
                    Stilling {pct(p.position)} → <b data-new-position>{pct(p.newPosition)}</b> (ønsker {pct(p.wanted)})
                  </span>
                  <span>+{hrs(p.addedHours)} som erstatter vikartimer</span>
                  {p.offers.length > 0 && (
                    <label className="chk">
                      <input
                        type="checkbox"
                        checked={accepted[p.id] !== false}
                        onChange={(e) => setAccepted({ ...accepted, [p.id]: e.target.checked })}
                      />{' '}
                      Godta tilbudet
                    </label>
                  )}
                </div>
                <div className="assume">{p.reasons.join(' · ')}</div>
                {p.offers.length > 0 ? (
                  <details>
                    <summary>
                      Vis de {p.offers.length} vaktene ({p.offers.filter((o) => o.vacancy.kind === 'absence').length} erstatter vikar for
                      fravær)
                    </summary>
                    <ul className="offer-list">
                      {p.offers.map((o) => (
                        <li key={o.date + o.shift}>
                          {formatDateNo(o.date)} {o.shift} ({hrs(o.hours)}):{' '}
                          {o.vacancy.kind === 'absence'
                            ? `erstatter vikar for ${o.vacancy.name} (${o.vacancy.code})`
                            : 'åpent behov i bemanningsplanen'}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <p className="muted">Ingen ledige vakter passer (kompetanse, fridager eller arbeidstidsregler).</p>
                )}
                {p.rejected.length > 0 && (
                  <div className="assume">
                    {count(p.rejected.length, 'vakt', 'vakter')} ble ikke tilbudt fordi de ville brutt en regel:{' '}
                    {[...new Set(p.rejected.flatMap((r) => r.rules))].map((id) => RULE_BY_ID.get(id)?.title ?? id).join(', ')}.
                  </div>
                )}
              </div>
            ))}
            {view.people.some((p) => p.offers.length > 0) && (
              <div className="buttons">
                <button type="button" className="primary" onClick={() => void accept()} disabled={busy}>
                  Godta valgte tilbud
                </button>
                <span className="muted">Vaktene legges inn i scenarioet, og stillingen økes til det vaktene gir.</span>
              </div>
            )}
            <ul className="assume">
              {view.sources.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </section>
        )}
      </section>
      <RaisePanel priority={priority} />
    </>
  );
}

function MakeCurrent() {
  const s = useScenarios((x) => x.current)!;
  const [res, setRes] = useState<MakeCurrentResult | null>(null);
  const [err, setErr] = useState<string | null>(null);
  async function go() {
    if (
      !window.confirm(
        `Gjøre «${s.name}» til gjeldende plan? Stillinger, bemanningsplan, helgerytme og vaktene i turnusen blir som i scenarioet.`,
      )
    )
      return;
    setErr(null);
    try {
      setRes(await useScenarios.getState().makeCurrent());
    } catch (e) {
      setErr(messageOf(e));
    }
  }
  return (
    <section className="panel" aria-label="Gjør til gjeldende plan">
      <h2>Gjør til gjeldende plan</h2>
      <p>
        Skriver scenarioet inn i avdelingen og turnusen i én operasjon: stillinger, nye vakttyper, bemanningsplan, helgerytme og vakter.
        {s.basePlanId === null ? ' Scenarioet har ingen plan å skrive til, så det lages en ny turnusplan.' : ''}
      </p>
      <div className="buttons">
        <button type="button" className="danger" onClick={() => void go()}>
          Gjør til gjeldende plan
        </button>
      </div>
      <FormError message={err} />
      {res && (
        <div role="status">
          <p className="ok">Scenarioet er nå gjeldende plan.</p>
          <ul>
            {res.summary.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p>
            <a href={hrefOf({ name: 'plan', planId: res.planId })}>Åpne turnusen</a> ·{' '}
            <a href={hrefOf({ name: 'metrics', planId: res.planId, tab: 'stillinger' })}>Se nøkkeltall</a>
          </p>
        </div>
      )}
    </section>
  );
}
