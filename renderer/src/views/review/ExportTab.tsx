/** Eksport og utskrift: the review pack (PDF/HTML), Excel, CSV, plan file, calendars, and a print view. */
import { useRef, useState } from 'react';
import { ApiError } from '../../../../shared/api/rpc';
import type { ExportFormat } from '../../../../shared/api/review';
import { api, messageOf } from '../../api';
import { downloadFile, fmtSize, base64ToBytes } from '../../lib/download';
import { useReview } from '../../stores/review';

type Paper = 'A4' | 'A3';

interface ExportItem {
  format: ExportFormat;
  title: string;
  text: string;
  button: string;
  paper?: boolean;
}

const ITEMS: ExportItem[] = [
  {
    format: 'pdf',
    title: 'Drøftingspakke (PDF)',
    button: 'Last ned PDF',
    paper: true,
    text: 'Alt de tillitsvalgte trenger i én fil, hver del med hjemmel: turnusen måned for måned med dekning, åpne vakter per dag, helgegrupper og helgene hver ansatt går, samtykker til langvakt, avtalene bak hver lempet grense, regelsjekk, timer og stillinger, endringer siden sist godkjente versjon, forutsetninger og signaturfelt.',
  },
  {
    format: 'xlsx',
    title: 'Excel (XLSX)',
    button: 'Last ned Excel',
    text: 'Arkene «Plan», «Per ansatt», «Dekning», «Åpne vakter», «Regler», «Helger» og «Nøkkeltall», med ekte datoer, filter og utskriftsoppsett. Ansatte har ansattnr som nøkkel.',
  },
  {
    format: 'csv-grid',
    title: 'CSV, rutenett',
    button: 'Last ned CSV (rutenett)',
    text: 'Én rad per ansatt, én kolonne per dato. Semikolon og komma som i norsk Excel.',
  },
  {
    format: 'csv',
    title: 'CSV, én rad per vakt',
    button: 'Last ned CSV (liste)',
    text: 'Kolonnene Ansattnr, Navn, Dato, Kode, Start, Slutt og Timer. Passer for import i lønns- og personalsystemer.',
  },
  {
    format: 'csv-staff',
    title: 'CSV, ansattliste',
    button: 'Last ned ansattliste',
    text: 'Ansattnr, navn, kompetanse, stilling, samtykke og helgegruppe, i samme kolonner som ansattimporten leser.',
  },
  {
    format: 'turnus',
    title: 'Turnusfil (.turnus.json)',
    button: 'Last ned turnusfil',
    text: 'Hele planen med avdeling, vakttyper, ansatte og bemanningsplan. Kan importeres i Turnus på en annen maskin.',
  },
  {
    format: 'ics-zip',
    title: 'Kalender (ICS, zip)',
    button: 'Last ned kalenderfiler',
    text: 'Én kalenderfil per ansatt, samlet i en zip-fil. Den ansatte kan legge vaktene inn i kalenderen på telefonen.',
  },
];

function ExportCard({ item, planId, paper, setPaper }: { item: ExportItem; planId: number; paper: Paper; setPaper(p: Paper): void }) {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string; pdfMissing?: boolean } | null>(null);

  async function run(format: ExportFormat) {
    setBusy(true);
    setMsg(null);
    try {
      const res = await api.exportPlan(planId, format, item.paper ? { paper } : undefined);
      for (const f of res.files) downloadFile(f);
      const size = res.files.reduce((s, f) => s + base64ToBytes(f.base64).length, 0);
      setMsg({
        ok: true,
        text: res.files.length === 1 ? `Lastet ned «${res.files[0].name}» (${fmtSize(size)}).` : `Lastet ned ${res.files.length} filer.`,
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PDF_UNAVAILABLE') {
        setMsg({
          ok: false,
          pdfMissing: true,
          text:
            'PDF kan ikke lages på denne maskinen fordi nettleseren Chromium mangler. ' +
            'Bruk «Last ned som HTML» eller «Forhåndsvis og skriv ut» nedenfor, og velg «Lagre som PDF» i utskriftsvinduet. ' +
            'Teknisk melding: ' +
            err.message,
        });
      } else setMsg({ ok: false, text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="rv-export" data-export={item.format}>
      <div>
        <h3>{item.title}</h3>
        <p className="muted">{item.text}</p>
        {item.paper && (
          <div className="rv-paper" role="radiogroup" aria-label="Papir">
            <span>Papir (liggende):</span>
            <label>
              <input type="radio" name="paper" checked={paper === 'A4'} onChange={() => setPaper('A4')} /> A4
            </label>
            <label>
              <input type="radio" name="paper" checked={paper === 'A3'} onChange={() => setPaper('A3')} /> A3 (bedre for lange planer)
            </label>
          </div>
        )}
        {msg && (
          <p className={msg.ok ? 'ok' : 'form-error'} role={msg.ok ? 'status' : 'alert'}>
            {msg.text}
          </p>
        )}
      </div>
      <div className="rv-export-buttons">
        <button type="button" className={item.format === 'pdf' ? 'primary' : ''} disabled={busy} onClick={() => void run(item.format)}>
          {busy ? 'Lager filen …' : item.button}
        </button>
        {item.format === 'pdf' && (
          <button type="button" disabled={busy} onClick={() => void run('html')}>
            Last ned som HTML
          </button>
        )}
      </div>
    </li>
  );
}

function PrintView({ planId, paper }: { planId: number; paper: Paper }) {
  const [html, setHtml] = useState<string | null>(null);
  const [shownPaper, setShownPaper] = useState<Paper | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  async function show() {
    setBusy(true);
    setError(null);
    try {
      setHtml(await api.reviewPackHtml(planId, { paper }));
      setShownPaper(paper);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  function print() {
    const w = frame.current?.contentWindow;
    if (!w) return;
    w.focus();
    w.print();
  }

  return (
    <section className="panel" aria-label="Forhåndsvisning og utskrift">
      <h2>Forhåndsvis og skriv ut drøftingspakken</h2>
      <p className="muted">Se pakken her før du sender den. «Skriv ut» åpner utskriftsvinduet; der kan du også velge «Lagre som PDF».</p>
      <div className="buttons">
        <button type="button" onClick={() => void show()} disabled={busy}>
          {busy ? 'Henter …' : html ? 'Oppdater forhåndsvisningen' : 'Forhåndsvis drøftingspakken'}
        </button>
        {html && (
          <button type="button" className="primary" onClick={print}>
            Skriv ut
          </button>
        )}
        {html && shownPaper !== paper && (
          <span className="muted">
            Viser {shownPaper}; trykk «Oppdater» for {paper}.
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {html && <iframe ref={frame} title="Drøftingspakke" className="rv-print" sandbox="allow-same-origin allow-modals" srcDoc={html} />}
    </section>
  );
}

export function ExportTab() {
  const planId = useReview((s) => s.planId!);
  const [paper, setPaper] = useState<Paper>('A4');
  return (
    <section aria-label="Eksport og utskrift">
      <p className="muted">Filene lastes ned til nedlastingsmappen din. Drøftingspakken er det du gir til de tillitsvalgte.</p>
      <ul className="rv-exports" aria-label="Eksporter">
        {ITEMS.map((it) => (
          <ExportCard key={it.format} item={it} planId={planId} paper={paper} setPaper={setPaper} />
        ))}
      </ul>
      <PrintView planId={planId} paper={paper} />
    </section>
  );
}
