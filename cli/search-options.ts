/**
 * The search options `turnus fill` and `turnus curtois` share: `--seconds N` (a time budget),
 * `--seed S` (an integer) and `--threads N` (1–MAX_THREADS), read from the parsed arguments
 * with the Norwegian message of the first one that is wrong.
 */
import { parseThreads, threadsMessage } from '../electron/backend/solver/threads';

export interface SearchOptions {
  seconds: number;
  seed: number;
  threads: number;
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseSearchOptions(
  values: Values,
  defaultSeconds: number,
): { ok: true; options: SearchOptions } | { ok: false; field: string; message: string } {
  const secondsRaw = (values.seconds as string | undefined) ?? String(defaultSeconds);
  const seconds = Number(secondsRaw);
  if (!/^\d+(\.\d+)?$/.test(secondsRaw) || !(seconds > 0) || seconds > 86_400)
    return { ok: false, field: '--seconds', message: `--seconds må være et positivt tall (sekunder), fant «${secondsRaw}».` };
  const seedRaw = (values.seed as string | undefined) ?? '1';
  if (!/^-?\d+$/.test(seedRaw) || !Number.isSafeInteger(Number(seedRaw)))
    return { ok: false, field: '--seed', message: `--seed må være et heltall, fant «${seedRaw}».` };
  const threadsRaw = (values.threads as string | undefined) ?? '1';
  const threads = parseThreads(threadsRaw);
  if (threads === null) return { ok: false, field: '--threads', message: threadsMessage(threadsRaw) };
  return { ok: true, options: { seconds, seed: Number(seedRaw), threads } };
}
