/**
 * The browser host's link file: the address with the per-start token in its fragment
 * (`http://127.0.0.1:PORT/#token=…`), written so that only the user who started Turnus can read
 * it (mode 0600, in the user's runtime folder `$XDG_RUNTIME_DIR/turnus/` when there is one,
 * else next to the data file). Another account on the same machine (a terminal server shares
 * 127.0.0.1 between all users) can reach the port but never learns the token. Node only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the link for this data file is written. */
export function linkFilePath(dataFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const id = crypto.createHash('sha256').update(path.resolve(dataFile)).digest('hex').slice(0, 12);
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && path.isAbsolute(runtime) && isOwnPrivateDir(runtime)) {
    return path.join(runtime, 'turnus', `nettleser-lenke-${id}.txt`);
  }
  return path.join(path.dirname(path.resolve(dataFile)), `nettleser-lenke-${id}.txt`);
}

function isOwnPrivateDir(dir: string): boolean {
  try {
    const st = fs.statSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid);
  } catch {
    return false;
  }
}

/** The address the browser opens: the token travels in the fragment, never to the server's logs. */
export function linkWithToken(baseUrl: string, token: string): string {
  return `${baseUrl}#token=${encodeURIComponent(token)}`;
}

/**
 * Writes the link readable by its owner only: a fresh file (O_EXCL, 0600) renamed into place,
 * so an existing file or a planted symlink at the final name is replaced, never written through.
 */
export function writeLinkFile(file: string, link: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.fchmodSync(fd, 0o600); // whatever the umask
    fs.writeSync(fd, `${link}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes the link file when the host stops (a stale link would name a dead token anyway). */
export function removeLinkFile(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing to clean up
  }
}

/**
 * `--open` starts the browser with a local page (0600, beside the link file) that forwards to
 * the link, as Jupyter does: a command line is visible to every account (`ps`), a file is not.
 */
export function writeOpenerPage(linkFile: string, link: string): string {
  const page = linkFile.replace(/\.txt$/, '') + '.html';
  const href = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html =
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}">` +
    `<title>Turnus</title></head><body><p><a href="${href}">Åpne Turnus</a></p></body></html>\n`;
  writeLinkFile(page, html.trimEnd());
  return page;
}
