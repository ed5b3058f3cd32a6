/**
 * The renderer's one door to the backend. In Electron the preload exposes
 * `window.turnusBridge.invoke`; in browser mode we POST to the loopback host with its per-run
 * token, which the host hands only to its own user in the link `…/#token=…`: the page takes it
 * from the fragment into sessionStorage and removes it from the address bar.
 */
import { ApiError, createClient, type RpcResult, type Transport } from '../../shared/api/rpc';
import type { TurnusApi } from '../../shared/api';

declare global {
  interface Window {
    turnusBridge?: { invoke: Transport };
  }
}

const TOKEN_KEY = 'turnus-token';

/** Moves a `#token=…` fragment into sessionStorage and out of the address bar (and history). */
export function takeTokenFromUrl(): void {
  const m = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!m) return;
  sessionStorage.setItem(TOKEN_KEY, m[1]);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

function token(): string {
  // The meta tag is only put in by the Vite dev server (TURNUS_TOKEN), never by the host.
  return sessionStorage.getItem(TOKEN_KEY) ?? document.querySelector<HTMLMetaElement>('meta[name="turnus-token"]')?.content ?? '';
}

/** Browser mode without a token: the page must be opened from Turnus's link. */
export function needsLink(): boolean {
  return !(typeof window !== 'undefined' && window.turnusBridge) && token() === '';
}

export const httpTransport: Transport = async (method, args) => {
  let res: Response;
  try {
    res = await fetch('/rpc/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-turnus-token': token() },
      body: JSON.stringify(args),
    });
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: 'Fikk ikke kontakt med Turnus-tjenesten. Er programmet startet?' } };
  }
  try {
    return (await res.json()) as RpcResult;
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: `Uventet svar fra Turnus-tjenesten (HTTP ${res.status}).` } };
  }
};

const bridge = typeof window !== 'undefined' ? window.turnusBridge : undefined;
export const api: TurnusApi = createClient(bridge ? (m, a) => bridge.invoke(m, a) : httpTransport);

export { messageOf } from './lib/message';

/** The field an error names, when the backend told us. */
export function fieldOf(e: unknown): string | undefined {
  return e instanceof ApiError ? e.field : undefined;
}
