/**
 * The ONE dispatcher. Electron's IPC handler (main.ts) and the browser host's HTTP handler
 * (browser-host.ts) both call `dispatch`, so both modes behave identically:
 *  - only method names in API_METHODS that are own properties of the handler object are
 *    callable (`constructor`, `__proto__`, `toString` … are unknown methods);
 *  - the argument array is validated with the method's zod schema before the handler runs;
 *  - every failure becomes `{ ok: false, error: { code, message, field } }` with a Norwegian
 *    message; the dispatcher never throws;
 *  - results get JSON semantics in both modes (undefined → null, Dates → strings, class
 *    instances → plain objects), as the HTTP path would impose anyway (architecture.md P9).
 */
import type { z } from 'zod';
import { API_METHODS, type TurnusApi } from '../../shared/api';
import { fieldMessage } from '../../shared/api/labels';
import type { RpcError, RpcResult } from '../../shared/api/rpc';
import { DomainError } from './errors';
import { argSchemas, type ArgRegistry } from './registry';

const METHOD_SET: ReadonlySet<string> = new Set(API_METHODS);
const MAX_ARGS = 16;

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const TYPE_NO: Record<string, string> = {
  string: 'tekst',
  number: 'et tall',
  int: 'et heltall',
  boolean: 'sann/usann',
  object: 'et objekt',
  array: 'en liste',
  null: 'tom verdi',
  undefined: 'ingen verdi',
  bigint: 'et heltall',
  date: 'en dato',
  nan: 'et tall',
  literal: 'en fast verdi',
};

function describe(v: unknown): string {
  if (v === null) return 'tom verdi';
  if (v === undefined) return 'ingen verdi';
  if (Array.isArray(v)) return 'en liste';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : 'et tall';
  return TYPE_NO[typeof v] ?? typeof v;
}

/** Norwegian default messages for issues whose schema gave no message of its own. */
function norwegianIssue(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return `må være ${TYPE_NO[iss.expected] ?? iss.expected}, ikke ${describe(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'array') return `må ha minst ${String(iss.minimum)} ${iss.minimum === 1 ? 'element' : 'elementer'}`;
      if (iss.origin === 'string') return `må ha minst ${String(iss.minimum)} tegn`;
      return `må være ${iss.inclusive ? 'minst' : 'større enn'} ${String(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'array') return `kan ha høyst ${String(iss.maximum)} elementer`;
      if (iss.origin === 'string') return `kan ha høyst ${String(iss.maximum)} tegn`;
      return `kan være ${iss.inclusive ? 'høyst' : 'mindre enn'} ${String(iss.maximum)}`;
    case 'invalid_value':
      return `må være ${iss.values.map((v) => JSON.stringify(v)).join(' eller ')}`;
    case 'invalid_format':
      return 'har feil format';
    case 'unrecognized_keys':
      return `har ukjente felt: ${iss.keys.join(', ')}`;
    case 'invalid_union':
      return 'har en ugyldig verdi';
    default:
      return 'har en ugyldig verdi';
  }
}

function fieldPath(names: readonly string[], path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'args';
  const [first, ...rest] = path;
  let out = typeof first === 'number' ? (names[first] ?? `argument ${first + 1}`) : String(first);
  for (const p of rest) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

function argsIssueToError(method: string, names: readonly string[], args: unknown[], iss: Issue): RpcError {
  if (iss.path.length === 0 && iss.code === 'too_small') {
    const missing = names.slice(args.length).join(', ');
    return { code: 'VALIDATION', field: names[args.length] ?? 'args', message: `Kallet ${method} mangler argument: ${missing}.` };
  }
  if (iss.path.length === 0 && iss.code === 'too_big') {
    return {
      code: 'VALIDATION',
      field: 'args',
      message: `Kallet ${method} tar ${names.length === 0 ? 'ingen argumenter' : `høyst ${names.length} argumenter (${names.join(', ')})`}, men fikk ${args.length}.`,
    };
  }
  const field = fieldPath(names, iss.path);
  return { code: 'VALIDATION', field, message: fieldMessage(field, iss.message) };
}

/** Maps anything a handler threw to the envelope's error. */
export function toRpcError(e: unknown): RpcError {
  if (e instanceof DomainError) {
    return e.field !== undefined ? { code: e.code, message: e.message, field: e.field } : { code: e.code, message: e.message };
  }
  const err = e as { code?: unknown; message?: unknown; name?: unknown; issues?: Issue[] };
  if (err && err.name === 'ZodError' && Array.isArray(err.issues) && err.issues.length > 0) {
    const iss = err.issues[0];
    const field = iss.path.map(String).join('.') || undefined;
    return {
      code: 'VALIDATION',
      message: field ? fieldMessage(field, iss.message) : `Ugyldig verdi: ${iss.message}.`,
      ...(field ? { field } : {}),
    };
  }
  const code = typeof err?.code === 'string' ? err.code : '';
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'VALIDATION', message: 'Endringen ble avvist fordi den bryter en regel for dataene. Ingenting ble lagret.' };
  }
  if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') {
    return { code: 'DB_LOCKED', message: 'Datafilen er opptatt. Ingenting ble lagret; prøv igjen om litt.' };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return { code: 'DB_READONLY', message: 'Datafilen er skrivebeskyttet. Ingenting ble lagret.' };
  }
  if (code === 'SQLITE_FULL') {
    return { code: 'DB_FULL', message: 'Disken er full. Ingenting ble lagret; frigjør plass og prøv igjen.' };
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return { code: 'DB_DAMAGED', message: 'Datafilen er skadet. Gjenopprett en sikkerhetskopi.' };
  }
  // Unexpected: log for the developer, show a calm message to the user.
  console.error('[turnus] uventet feil:', e);
  return { code: 'INTERNAL', message: `Det oppstod en uventet feil${typeof err?.message === 'string' ? `: ${err.message}` : ''}.` };
}

export type Dispatcher = (method: unknown, args: unknown) => Promise<RpcResult>;

/** Validates and runs one call. Never throws. */
export async function dispatch(
  api: TurnusApi,
  method: unknown,
  args: unknown,
  registry: ArgRegistry = defaultRegistry(),
): Promise<RpcResult> {
  try {
    if (typeof method !== 'string' || !METHOD_SET.has(method) || !Object.hasOwn(api, method) || !Object.hasOwn(registry, method)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', field: 'method', message: `Ukjent funksjon: «${String(method).slice(0, 80)}».` },
      };
    }
    if (!Array.isArray(args)) {
      return { ok: false, error: { code: 'VALIDATION', field: 'args', message: `Argumentene til ${method} må være en liste.` } };
    }
    if (args.length > MAX_ARGS) {
      return { ok: false, error: { code: 'VALIDATION', field: 'args', message: `For mange argumenter til ${method}.` } };
    }
    const sig = registry[method];
    const parsed = sig.schema.safeParse(args, { error: norwegianIssue });
    if (!parsed.success) {
      return { ok: false, error: argsIssueToError(method, sig.names, args, parsed.error.issues[0]) };
    }
    const fn = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    const result = await fn(...(parsed.data as unknown[]));
    const json = JSON.stringify(result === undefined ? null : result);
    return { ok: true, result: JSON.parse(json) as unknown };
  } catch (e) {
    return { ok: false, error: toRpcError(e) };
  }
}

let cached: ArgRegistry | undefined;
function defaultRegistry(): ArgRegistry {
  cached ??= argSchemas();
  return cached;
}

/** A dispatcher bound to one API object (what the transports hold). */
export function createDispatcher(api: TurnusApi, registry: ArgRegistry = defaultRegistry()): Dispatcher {
  return (method, args) => dispatch(api, method, args, registry);
}
