/**
 * HTML → PDF for the review pack. Two printers, same HTML:
 *  - in the Electron app, the main process registers `electronPdfPrinter(BrowserWindow)`, which
 *    prints with `webContents.printToPDF` (no extra browser needed on the user's machine);
 *  - everywhere else (CLI, browser host, tests) Chromium is driven by playwright-core:
 *    `CHROMIUM_PATH`, else /usr/bin/chromium and the other usual places.
 *
 * The backend never imports `electron`: the main process hands in its BrowserWindow class.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { DomainError } from '../errors';
import { isAlive } from '../process-alive';

export type PaperSize = 'A4' | 'A3';
export type PdfPrinter = (html: string, opts: { paper: PaperSize }) => Promise<Buffer>;

let registered: PdfPrinter | null = null;

const SCRATCH_RE = /^turnus-pdf-(\d+)-/;

/**
 * A scratch folder for one print, `turnus-pdf-<pid>-…` in the OS temp folder. Folders of
 * processes that no longer run (killed while printing) are removed first, so none is left for good.
 */
async function scratchDir(): Promise<string> {
  const tmp = os.tmpdir();
  const names = await fs.promises.readdir(tmp).catch(() => [] as string[]);
  for (const name of names) {
    const m = SCRATCH_RE.exec(name);
    if (m && Number(m[1]) !== process.pid && !isAlive(Number(m[1])))
      await fs.promises.rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => undefined);
  }
  return fs.promises.mkdtemp(path.join(tmp, `turnus-pdf-${process.pid}-`));
}

/** Lets the Electron main process (or a test) supply the printer; null restores Chromium. */
export function registerPdfPrinter(printer: PdfPrinter | null): void {
  registered = printer;
}

/** The parts of Electron's BrowserWindow that printing needs (typed here, so no import). */
export interface PrintWindow {
  loadFile(file: string): Promise<void>;
  destroy(): void;
  webContents: {
    printToPDF(options: {
      landscape?: boolean;
      printBackground?: boolean;
      pageSize?: PaperSize;
      preferCSSPageSize?: boolean;
    }): Promise<Buffer | Uint8Array>;
  };
}
export type PrintWindowClass = new (options: {
  show: boolean;
  webPreferences: { sandbox: boolean; contextIsolation: boolean; nodeIntegration: boolean; javascript: boolean };
}) => PrintWindow;

/**
 * A printer on Electron's `webContents.printToPDF`. In electron/main.ts:
 *   `registerPdfPrinter(electronPdfPrinter(BrowserWindow))`
 * The HTML has no scripts, so the hidden window runs with JavaScript off.
 */
export function electronPdfPrinter(BrowserWindow: PrintWindowClass): PdfPrinter {
  return async (html, { paper }) => {
    const dir = await scratchDir();
    let win: PrintWindow | undefined;
    try {
      const file = path.join(dir, 'turnus.html');
      await fs.promises.writeFile(file, html, 'utf8');
      win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      });
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF({ landscape: true, printBackground: true, pageSize: paper, preferCSSPageSize: true });
      return Buffer.from(pdf);
    } finally {
      win?.destroy();
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  };
}

/** The flags of every headless Chromium we start: the PDF printer here, the e2e tests and the UI benchmarks (they add --headless and --disable-quic). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The Chromium to print with, or null. `CHROMIUM_PATH`, when set, is the only one tried. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function noChromiumError(env: NodeJS.ProcessEnv = process.env): DomainError {
  const where = env.CHROMIUM_PATH
    ? `CHROMIUM_PATH peker på «${env.CHROMIUM_PATH}», men der finnes ingen fil`
    : 'fant verken /usr/bin/chromium eller Google Chrome';
  return new DomainError(
    'PDF_UNAVAILABLE',
    `Kan ikke lage PDF: ${where}. Installer Chromium (f.eks. «apt-get install chromium») eller sett ` +
      'miljøvariabelen CHROMIUM_PATH til en Chrome/Chromium. Drøftingspakken kan også lagres som HTML og skrives ut fra nettleseren.',
  );
}

/** Prints with a headless Chromium through playwright-core. */
export async function chromiumPdf(html: string, opts: { paper: PaperSize }): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) throw noChromiumError();
  // The page is loaded from a file (a large pack is not limited by URL or setContent sizes),
  // written before Chromium starts: a full or unwritable scratch folder fails fast.
  const dir = await scratchDir();
  try {
    const file = path.join(dir, 'turnus.html');
    await fs.promises.writeFile(file, html, 'utf8');
    const { chromium } = await import('playwright-core');
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
      });
    } catch (e) {
      throw new DomainError(
        'PDF_UNAVAILABLE',
        `Kan ikke starte Chromium («${executablePath}») for å lage PDF: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: opts.paper, landscape: true, printBackground: true, preferCSSPageSize: true });
      return Buffer.from(pdf);
    } finally {
      await browser.close();
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** HTML → PDF with the registered printer (Electron) or Chromium. */
export function htmlToPdf(html: string, opts: { paper?: PaperSize } = {}): Promise<Buffer> {
  const paper = opts.paper ?? 'A4';
  return (registered ?? chromiumPdf)(html, { paper });
}
