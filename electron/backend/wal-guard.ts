/**
 * The data file and its `-wal` are one unit. A `-wal` left by a killed Turnus beside ANOTHER
 * `turnus.sqlite` (a copied-in backup, a file moved without its companions) would be replayed
 * into it by SQLite without a word: the data replaced, integrity_check still «ok». Before the
 * file is opened, `guardWal` checks that a present `-wal` belongs to it and otherwise moves the
 * `-wal` and `-shm` aside untouched, with a Norwegian notice naming the files.
 *
 * How "belongs" is decided (SQLite file format, https://www.sqlite.org/fileformat2.html):
 *  - The WAL header (32 bytes: magic 0x377f0682/3, version 3007000, page size, checkpoint
 *    sequence, salt-1, salt-2, checksum) must be valid, else SQLite ignores the file (harmless).
 *  - Only frames SQLite would replay count: salts equal to the header's, the cumulative
 *    checksum chain intact, up to the last commit frame. No such frame: harmless.
 *  - The WAL's page size must equal the database's.
 *  - Every time SQLite writes page 1 into the WAL it sets the page's change counter (offset 24)
 *    to the database's counter + 1, and a checkpoint copies frames verbatim into the file. So
 *    for the WAL of THIS file, with C the file's change counter: either some page-1 frame has
 *    counter C and is byte-for-byte the file's page 1 (it was checkpointed into it), or the
 *    first page-1 frame has counter C + 1 (none checkpointed yet).
 *  - Growing the database rewrites page 1 (in-header size), so commit frames before the first
 *    page-1 frame must record the file's own size in pages.
 *  - Each Turnus file carries a random identity in the header's application_id (offset 68; set
 *    by `stampFileIdentity` on open, and renewed in every backup copy, so a copy is a file of
 *    its own). When the file has one, every page-1 frame must carry the same.
 * Opening also rewrites the identity (same value), so each session's WAL starts with a page-1
 * frame. A WAL without any page-1 frame (a session whose WAL was reset by a checkpoint and then
 * only updated rows in place) can be told apart only by its commit sizes: that case is not
 * guaranteed (docs/data-safety.md).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;

export interface WalFrame {
  pgno: number;
  /** Database size in pages after the commit (commit frames), else 0. */
  commitSize: number;
  /** Offset of the page data in the WAL file. */
  dataOffset: number;
}

export interface WalInfo {
  pageSize: number;
  /** Frames SQLite would replay (valid salts and checksums, up to the last commit). */
  frames: WalFrame[];
}

/** SQLite's WAL checksum: pairs of 32-bit words in the byte order the magic names. */
function checksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s1, s2] = s;
  for (let i = start; i < end; i += 8) {
    const a = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const b = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s1 = (s1 + a + s2) >>> 0;
    s2 = (s2 + b + s1) >>> 0;
  }
  return [s1, s2];
}

/** Reads a WAL; null when SQLite would ignore it (too short, bad magic, bad header checksum). */
export function readWal(walFile: string): WalInfo | null {
  const buf = fs.readFileSync(walFile);
  if (buf.length < 32) return null;
  const magic = buf.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return null;
  const bigEndian = magic === WAL_MAGIC_BE;
  const pageSize = buf.readUInt32BE(8);
  if (buf.readUInt32BE(4) !== 3007000 || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  let sum = checksum(buf, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== buf.readUInt32BE(24) || sum[1] !== buf.readUInt32BE(28)) return null;
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  const frames: WalFrame[] = [];
  let committed = 0;
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    if (buf.readUInt32BE(off + 8) !== salt1 || buf.readUInt32BE(off + 12) !== salt2) break;
    const pgno = buf.readUInt32BE(off);
    if (pgno === 0) break;
    sum = checksum(buf, off, off + 8, bigEndian, sum);
    sum = checksum(buf, off + 24, off + 24 + pageSize, bigEndian, sum);
    if (sum[0] !== buf.readUInt32BE(off + 16) || sum[1] !== buf.readUInt32BE(off + 20)) break;
    const commitSize = buf.readUInt32BE(off + 4);
    frames.push({ pgno, commitSize, dataOffset: off + 24 });
    if (commitSize > 0) committed = frames.length;
  }
  return { pageSize, frames: frames.slice(0, committed) };
}

export type WalVerdict = { belongs: true; why: string } | { belongs: false; why: string };

/** Decides whether `walFile` belongs to `dbFile` (see the module comment). */
export function walBelongsTo(dbFile: string, walFile: string): WalVerdict {
  const wal = readWal(walFile);
  if (!wal || wal.frames.length === 0) return { belongs: true, why: 'ingen gyldige transaksjoner i WAL-filen' };
  const walBuf = fs.readFileSync(walFile);
  let db: Buffer;
  try {
    db = fs.readFileSync(dbFile);
  } catch {
    db = Buffer.alloc(0);
  }
  let pageSize = 0;
  let counter = 0;
  let sizePages = 0;
  if (db.length >= 100) {
    const raw = db.readUInt16BE(16);
    pageSize = raw === 1 ? 65536 : raw;
    counter = db.readUInt32BE(24);
    const inHeader = db.readUInt32BE(28);
    sizePages = inHeader > 0 && db.readUInt32BE(92) === counter ? inHeader : Math.floor(db.length / pageSize);
    if (pageSize !== wal.pageSize) return { belongs: false, why: `sidestørrelsen er ${wal.pageSize}, datafilens er ${pageSize}` };
  }
  const page1 = wal.frames.filter((f) => f.pgno === 1);
  const fileId = db.length >= 100 ? db.readUInt32BE(68) : 0;
  const foreignId = page1.find((f) => walBuf.readUInt32BE(f.dataOffset + 68) !== fileId);
  if (fileId !== 0 && foreignId) return { belongs: false, why: 'WAL-filen tilhører en annen datafil (annen fil-ID)' };
  const counterOf = (f: WalFrame) => walBuf.readUInt32BE(f.dataOffset + 24);
  const firstPage1 = page1.length > 0 ? wal.frames.indexOf(page1[0]) : wal.frames.length;
  const before = wal.frames.slice(0, firstPage1).filter((f) => f.commitSize > 0);
  if (page1.length > 0 && counter >= counterOf(page1[0])) {
    const same = page1.some(
      (f) =>
        counterOf(f) === counter &&
        db.length >= wal.pageSize &&
        walBuf.subarray(f.dataOffset, f.dataOffset + wal.pageSize).equals(db.subarray(0, wal.pageSize)),
    );
    return same ? { belongs: true, why: 'side 1 er den samme' } : { belongs: false, why: 'side 1 i WAL-filen er ikke datafilens' };
  }
  if (page1.length > 0 && counter !== counterOf(page1[0]) - 1) {
    return { belongs: false, why: `endringstelleren er ${counter}, WAL-filen bygger på ${counterOf(page1[0]) - 1}` };
  }
  if (before.some((f) => f.commitSize !== sizePages)) {
    return {
      belongs: false,
      why: `WAL-filen regner med ${before.find((f) => f.commitSize !== sizePages)!.commitSize} sider, datafilen har ${sizePages}`,
    };
  }
  return { belongs: true, why: 'telleren og størrelsen stemmer' };
}

/**
 * Gives the file a random identity (application_id) unless it has one, or rewrites the same
 * value, so this session's WAL starts with a page-1 frame carrying it. `fresh` forces a new
 * identity (backup copies: a copy is a file of its own).
 */
export function stampFileIdentity(db: import('better-sqlite3').Database, fresh = false): void {
  const id = db.pragma('application_id', { simple: true }) as number;
  const next = fresh || id === 0 ? randomId() : id;
  db.pragma(`application_id = ${next}`);
}

function randomId(): number {
  let v = 0;
  while (v === 0) v = crypto.randomBytes(4).readInt32BE(0);
  return v;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}-${p(d.getMinutes())}-${p(d.getSeconds())}`;
}

/**
 * Before opening: a `-wal` that does not belong to the file is moved aside untouched (with its
 * `-shm`), renamed `<name>-wal.hører-ikke-til-<time>`. Returns Norwegian notices (empty when
 * nothing was done).
 */
export function guardWal(dbFile: string, now: Date = new Date()): string[] {
  const wal = `${dbFile}-wal`;
  let size: number;
  try {
    size = fs.statSync(wal).size;
  } catch {
    return [];
  }
  if (size === 0) return [];
  const verdict = walBelongsTo(dbFile, wal);
  if (verdict.belongs) return [];
  const suffix = `.hører-ikke-til-${stamp(now)}`;
  const moved: string[] = [];
  for (const f of [wal, `${dbFile}-shm`]) {
    if (!fs.existsSync(f)) continue;
    fs.renameSync(f, f + suffix);
    moved.push(`«${path.basename(f)}» → «${path.basename(f + suffix)}»`);
  }
  return [
    `Fant en WAL-fil ved siden av datafilen «${dbFile}» som ikke hører til den (${verdict.why}); ` +
      `den kommer trolig fra en annen kopi av filen. For å ikke blande inn fremmede data er den flyttet til side urørt: ` +
      `${moved.join(', ')}. Datafilen er åpnet uten den. Flytt alltid datafilen og filene «-wal» og «-shm» sammen; ` +
      'spør IT hvis du ikke vet hvor filen kommer fra.',
  ];
}
