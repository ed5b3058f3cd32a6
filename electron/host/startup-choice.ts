/**
 * Browser mode's choice before the workspace opens, when the data file is missing or empty but
 * copies exist (backend/recovery.ts): a Norwegian page at `/` with two buttons, answered by
 * `POST /oppstart` with the token (JSON `{ "valg": "gjenopprett", "navn": … }` or
 * `{ "valg": "tom" }`). The page takes the token from the link's fragment like the app does.
 */
import crypto from 'node:crypto';
import type { RecoveryOffer } from '../backend/recovery';
import { recoveryMessage } from '../backend/recovery';
import { escapeHtml } from './http-util';

export type StartupChoice = { valg: 'gjenopprett'; navn: string } | { valg: 'tom' };

export function parseChoice(body: string): StartupChoice | null {
  try {
    const v = JSON.parse(body) as { valg?: unknown; navn?: unknown };
    if (v.valg === 'tom') return { valg: 'tom' };
    if (v.valg === 'gjenopprett' && typeof v.navn === 'string' && v.navn.length > 0 && v.navn.length < 300)
      return { valg: 'gjenopprett', navn: v.navn };
  } catch {
    // not JSON
  }
  return null;
}

/** The page and the CSP that allows exactly its one inline script (by nonce). */
export function choicePage(offer: RecoveryOffer): { html: string; csp: string } {
  const nonce = crypto.randomBytes(16).toString('base64');
  const name = escapeHtml(offer.newest.name);
  const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Turnus – velg datafil</title></head>
<body style="font-family:sans-serif;max-width:46em;margin:3em auto;line-height:1.5">
<h1>Datafilen mangler</h1>
<p id="melding">${escapeHtml(recoveryMessage(offer))}</p>
<p><button id="gjenopprett" data-navn="${name}">Gjenopprett «${name}»</button>
<button id="tom">Start med tom arbeidsflate</button></p>
<p id="status" role="status"></p>
<script nonce="${nonce}">
(function () {
  var m = /^#token=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (m) { sessionStorage.setItem('turnus-token', m[1]); history.replaceState(null, '', location.pathname); }
  var token = sessionStorage.getItem('turnus-token') || '';
  var status = document.getElementById('status');
  if (!token) status.textContent = 'Åpne lenken fra Turnus (den slutter med «#token=…») for å velge.';
  function choose(body) {
    status.textContent = 'Et øyeblikk …';
    fetch('/oppstart', { method: 'POST', headers: { 'content-type': 'application/json', 'x-turnus-token': token }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (r) { if (r.ok) location.replace('/'); else status.textContent = r.error.message; })
      .catch(function () { status.textContent = 'Fikk ikke kontakt med Turnus-tjenesten.'; });
  }
  document.getElementById('gjenopprett').onclick = function (e) { choose({ valg: 'gjenopprett', navn: e.target.getAttribute('data-navn') }); };
  document.getElementById('tom').onclick = function () {
    if (confirm('Starte med en tom arbeidsflate? Sikkerhetskopiene blir liggende.')) choose({ valg: 'tom' });
  };
})();
</script></body></html>`;
  return {
    html,
    csp: `default-src 'none'; script-src 'nonce-${nonce}'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'`,
  };
}
