/**
 * Never a silent empty workspace: when the data file is missing or empty (0 bytes) while the
 * backup folder holds copies of it, opening stops with `RecoveryNeeded`, which offers the newest
 * copy that passes the full check. The caller (Electron dialog, browser host choice page)
 * lets the user restore it or deliberately start empty (`openDatabase(…, { allowEmpty: true })`).
 * Node only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/api';
import { backupDirOf, listCopies } from './backups';
import { DomainError } from './errors';
import { checkCopyFile } from './copy-check';

export interface RecoveryOffer {
  dataFile: string;
  backupDir: string;
  /** Why: the file is missing, or it is empty (0 bytes). */
  reason: 'mangler' | 'tom';
  /** The newest copy that passed the full integrity check. */
  newest: BackupInfo;
  /** Newer copies that failed the check (named in the message). */
  skipped: { name: string; problem: string }[];
}

function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} kl. ${p(d.getHours())}.${p(d.getMinutes())}`;
}

export class RecoveryNeeded extends DomainError {
  constructor(readonly offer: RecoveryOffer) {
    super('DB_MISSING', recoveryMessage(offer));
  }
}

export function recoveryMessage(o: RecoveryOffer): string {
  const what = o.reason === 'mangler' ? 'finnes ikke' : 'er tom (0 byte)';
  const skipped =
    o.skipped.length > 0
      ? ` Nyere kopier som ikke besto kontrollen: ${o.skipped.map((s) => `«${s.name}» (${s.problem})`).join(', ')}.`
      : '';
  return (
    `Datafilen «${o.dataFile}» ${what}, men mappen «${o.backupDir}» har sikkerhetskopier av den. ` +
    `Den nyeste hele kopien er «${o.newest.name}» (${when(o.newest.createdAt)}).${skipped} ` +
    'Velg om du vil gjenopprette den, eller starte med en tom arbeidsflate.'
  );
}

/** The offer for this data file, or null when it exists with content or there is no good copy. */
export function recoveryOffer(dataFile: string, backupDir: string = backupDirOf(dataFile)): RecoveryOffer | null {
  let reason: RecoveryOffer['reason'];
  try {
    const st = fs.statSync(dataFile);
    if (!st.isFile() || st.size > 0) return null;
    reason = 'tom';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    reason = 'mangler';
  }
  const skipped: RecoveryOffer['skipped'] = [];
  for (const copy of listCopies(backupDir, dataFile)) {
    const check = checkCopyFile(path.join(backupDir, copy.name));
    if (check.ok) return { dataFile, backupDir, reason, newest: copy, skipped };
    skipped.push({ name: copy.name, problem: check.problem });
  }
  return null;
}

/**
 * Puts a copy in place as the data file: written to a temporary name beside it, synced, then
 * renamed over the missing or empty file (never over a file with content).
 */
export function restoreCopyAsDataFile(offer: RecoveryOffer, name: string): void {
  const copy = listCopies(offer.backupDir, offer.dataFile).find((c) => c.name === name);
  if (!copy) throw new DomainError('NOT_FOUND', `Fant ingen sikkerhetskopi med navnet «${name}».`, 'name');
  if (recoveryOffer(offer.dataFile, offer.backupDir) === null && fs.existsSync(offer.dataFile)) {
    throw new DomainError('CONFLICT', `Datafilen «${offer.dataFile}» har fått innhold i mellomtiden; den blir ikke overskrevet.`);
  }
  const tmp = `${offer.dataFile}.gjenoppretter-${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.copyFileSync(path.join(offer.backupDir, copy.name), tmp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(tmp, 0o600);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, offer.dataFile);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('DB_CANNOT_OPEN', `Kunne ikke gjenopprette «${name}» som datafil: ${(e as Error).message}`);
  }
}

/** Removes temporary files an interrupted restoreCopyAsDataFile left beside the data file. */
export function sweepRestoreTemps(dataFile: string): void {
  const dir = path.dirname(dataFile);
  const prefix = `${path.basename(dataFile)}.gjenoppretter-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(prefix) && n.endsWith('.tmp')) fs.rmSync(path.join(dir, n), { force: true });
}
