/**
 * The renderer's one door to the backend. In Electron the preload exposes
 * `window.turnusBridge.invoke`; in browser mode we POST to the loopback host, which injects a
 * per-run token into <meta name="turnus-token">.
 */
import { ApiError, createClient, type RpcResult, type Transport } from '../../shared/api/rpc';
import type { TurnusApi } from '../../shared/api';

declare global {
  interface Window {
    turnusBridge?: { invoke: Transport };
  }
}

function token(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="turnus-token"]')?.content ?? '';
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
