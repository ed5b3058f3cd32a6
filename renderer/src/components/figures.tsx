/** Small building blocks of the Nøkkeltall and scenario screens: figures with their assumptions. */
import type { ReactNode } from 'react';
import { TARGET_PROFILES, VIKAR_CHANNEL_LABEL, type Assumption, type SourceTag } from '../../../shared/metrics';
import { COMPETENCE_LABEL } from '../../../shared/plan/model';
import { fmtHours, fmtInt } from '../lib/format';
import './figures.css';

export const TAG_TITLE: Record<SourceTag, string> = {
  LOV: 'Lov',
  'TARIFF-KS': 'KS Hovedtariffavtalen',
  PRAKSIS: 'Vanlig praksis',
  INFERENS: 'Appens egen utledning',
  KONFIG: 'Innstilling du kan endre',
  UVERIFISERT: 'Ikke verifisert',
};

export function Tag({ tag }: { tag: SourceTag }) {
  return (
    <span className={'tag tag-' + tag} title={TAG_TITLE[tag]}>
      {TAG_TITLE[tag]}
    </span>
  );
}

const p1 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const kr = (x: number) => `kr ${fmtInt(x)}`;
/** 0.37 → '37,0 %' (always one decimal, so columns line up). */
export const pct = (x: number) => `${p1.format(x * 100)} %`;

const KEY_LABEL: Record<string, string> = {
  ...VIKAR_CHANNEL_LABEL,
  ...COMPETENCE_LABEL,
  ordinary: 'ordinær',
  eveningWeekend: 'kveld/helg',
  holiday: 'helligdag',
};
export const hrs = (x: number) => `${fmtHours(x)} t`;
export const signed = (x: number, f: (n: number) => string) => (x > 0 ? '+' : x < 0 ? '−' : '±') + f(Math.abs(x));

/** A key figure with its label, value and the assumption it rests on. */
export function Kpi(props: { label: string; value: ReactNode; sub?: ReactNode; assume?: ReactNode; testId?: string }) {
  return (
    <div className="kpi" data-kpi={props.testId}>
      <span className="kpi-label">{props.label}</span>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled figure inside a sentence-like row of spans; a fieldset is for form controls */}
      <span className="kpi-value" role="group" aria-label={props.label}>
        {props.value}
      </span>
      {props.sub && <span className="kpi-sub">{props.sub}</span>}
      {props.assume && <span className="assume">{props.assume}</span>}
    </div>
  );
}

export function BeforeAfter({ before, after, fmt }: { before: number; after: number; fmt: (x: number) => string }) {
  return (
    <>
      {fmt(before)}
      <span className="arrow">→</span>
      {fmt(after)}
    </>
  );
}

const RATE_KEY = /Rate$|Share$|vikarMix|overtimeRates/;

function jsonText(key: string, v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => KEY_LABEL[String(x)] ?? String(x)).join(' → ');
  if (v && typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${KEY_LABEL[k] ?? k}: ${typeof x === 'number' ? (RATE_KEY.test(key) ? pct(x) : kr(x)) : String(x)}`)
      .join(', ');
  }
  return String(v);
}

function valueText(a: Assumption): string {
  if (typeof a.value === 'boolean') return a.value ? 'ja' : 'nei';
  if (typeof a.value === 'string' && /^[[{]/.test(a.value)) {
    try {
      return jsonText(a.key, JSON.parse(a.value));
    } catch {
      return a.value;
    }
  }
  if (a.value === 'beregnet') return 'beregnes';
  if (a.value === 'netto') return 'kost per nettotime';
  if (a.value === 'productive') return 'kost per produktiv time';
  if (typeof a.value === 'number') {
    if (a.unit === 'kr') return kr(a.value);
    if (a.unit === 'andel' || RATE_KEY.test(a.key)) return pct(a.value);
    if (a.unit === 't') return hrs(a.value);
    return String(a.value).replace('.', ',');
  }
  return a.value;
}

/** The assumptions behind a figure: label, value, source tag and where it comes from. */
export function AssumptionTable({ items, caption }: { items: Assumption[]; caption?: string }) {
  return (
    <table className="table assume-list" aria-label={caption ?? 'Forutsetninger'}>
      {caption && <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>}
      <thead>
        <tr>
          <th>Forutsetning</th>
          <th>Verdi</th>
          <th>Type</th>
          <th>Kilde</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.key}>
            <td>{a.label}</td>
            <td>{valueText(a)}</td>
            <td>
              <Tag tag={a.tag} />
            </td>
            <td className="muted">{a.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A horizontal bar scaled to `max`. */
export function Bar({
  value,
  max,
  className = 'b-after',
  marks,
}: {
  value: number;
  max: number;
  className?: string;
  marks?: { at: number; className: string; title: string }[];
}) {
  const w = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div className="bar">
      <span className={className} style={{ width: `${w}%` }} />
      {marks?.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the marks of one bar, fixed by the caller; they never reorder
        <span key={i} className={m.className} title={m.title} style={{ left: `${Math.min(100, (m.at / max) * 100)}%` }} />
      ))}
    </div>
  );
}

/** «Målprofil»: the choice of target profile (key figures and the scenario comparison). */
export function TargetProfileField(props: { id: string; value: string; onChange: (id: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Målprofil</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {TARGET_PROFILES.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
