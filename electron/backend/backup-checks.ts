/**
 * Full integrity checks of the backup copies (issue 19): which copies need one, running them
 * (one at a time, through a checker: in the app the job pool's worker thread, so a check of a
 * large copy never holds up an API call), and the results kept in `.kontroller.json` in the
 * backup folder, valid while a copy's size and mtime are unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/api';
import { checkCopyFile, type CopyCheck } from './copy-check';

/** Runs the full check of one copy file (`now`: the clock of the check). */
export type CopyChecker = (file: string, now: Date) => Promise<CopyCheck>;

/** The check on the calling thread (the `turnus` command, tests). */
export const inlineCheck: CopyChecker = async (file, now) => checkCopyFile(file, () => now);

type CheckStore = Record<string, { size: number; mtimeMs: number; ok: boolean; checkedAt: string; problem?: string }>;
export const CHECKS_FILE = '.kontroller.json';

export function readChecks(dir: string): CheckStore {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dir, CHECKS_FILE), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as CheckStore) : {};
  } catch {
    return {};
  }
}

function writeChecks(dir: string, store: CheckStore): void {
  const tmp = path.join(dir, `${CHECKS_FILE}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, JSON.stringify(store), { mode: 0o600 });
    fs.renameSync(tmp, path.join(dir, CHECKS_FILE));
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Checks every copy not checked yet (or changed since), or all copies when `all`, and keeps
 * the results. Returns the copies that failed.
 */
export async function checkCopies(
  dir: string,
  list: () => BackupInfo[],
  check: CopyChecker,
  all: boolean,
  now: () => Date,
): Promise<BackupInfo[]> {
  const results = new Map<string, { size: number; mtimeMs: number; result: CopyCheck }>();
  const failed: BackupInfo[] = [];
  for (const copy of list()) {
    if (copy.check && !all) {
      if (!copy.check.ok) failed.push(copy);
      continue;
    }
    const file = path.join(dir, copy.name);
    let before: fs.Stats;
    try {
      before = fs.statSync(file);
    } catch {
      continue; // removed meanwhile
    }
    const result = await check(file, now());
    results.set(copy.name, { size: before.size, mtimeMs: before.mtimeMs, result });
    if (!result.ok) failed.push({ ...copy, check: { ok: false, checkedAt: result.checkedAt, problem: result.problem } });
  }
  if (results.size > 0) {
    // Read again after the (asynchronous) checks: another check may have written meanwhile.
    const store = readChecks(dir);
    for (const [name, { size, mtimeMs, result }] of results) {
      store[name] = { size, mtimeMs, ok: result.ok, checkedAt: result.checkedAt, ...(result.ok ? {} : { problem: result.problem }) };
    }
    const names = new Set(list().map((c) => c.name));
    for (const k of Object.keys(store)) if (!names.has(k)) delete store[k];
    writeChecks(dir, store);
  }
  return failed;
}
