/**
 * The Electron main process: a thin shell. All product logic lives in electron/backend
 * (Node only) behind the one dispatcher, which the browser host uses too.
 *
 * Security (docs/security.md): single instance; contextIsolation + sandbox + no Node in the
 * page; one IPC channel whose sender must be our own page; permissions denied; navigation,
 * new windows, webviews and network requests blocked.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { DomainError } from '../backend/errors';
import { electronPdfPrinter, registerPdfPrinter } from '../backend/exchange/pdf';
import { RecoveryNeeded, restoreCopyAsDataFile } from '../backend/recovery';
import { startBackend, type Backend } from '../backend/runtime';

export const INVOKE_CHANNEL = 'turnus:invoke';

app.setName('Turnus'); // userData = <appData>/Turnus, the same folder browser mode uses

const INDEX_HTML = path.join(__dirname, '..', '..', 'renderer', 'index.html');
const INDEX_URL = pathToFileURL(INDEX_HTML).href;

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

/** TURNUS_DB, else --db=PATH, else <userData>/turnus.sqlite. */
function dataFilePath(): string {
  if (process.env.TURNUS_DB) return path.resolve(process.env.TURNUS_DB);
  const flag = process.argv.find((a) => a.startsWith('--db='));
  if (flag) return path.resolve(flag.slice('--db='.length));
  return path.join(app.getPath('userData'), 'turnus.sqlite');
}

function isOwnPage(url: string): boolean {
  return url.split('#')[0].split('?')[0] === INDEX_URL;
}

/** Only the top frame of our window, showing our own index.html, may call the API. */
function isTrustedSender(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame;
  if (!frame || !mainWindow || mainWindow.isDestroyed()) return false;
  if (e.sender !== mainWindow.webContents || frame.parent !== null) return false;
  return isOwnPage(frame.url);
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The app works offline: no page may reach the network.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => {
    callback({ cancel: true });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Turnus',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(INDEX_HTML);
}

/**
 * Opens the data file; when it is missing or empty but copies exist (RecoveryNeeded), asks the
 * user: restore the newest good copy, start empty, or quit (null).
 */
async function openWithChoice(file: string): Promise<Backend | null> {
  try {
    return await startBackend(file, 'electron');
  } catch (e) {
    if (!(e instanceof RecoveryNeeded)) throw e;
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Turnus',
      message: 'Datafilen mangler',
      detail: e.message,
      buttons: [`Gjenopprett «${e.offer.newest.name}»`, 'Start med tom arbeidsflate', 'Avslutt'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 2) return null;
    if (response === 0) restoreCopyAsDataFile(e.offer, e.offer.newest.name);
    return startBackend(file, 'electron', { allowEmpty: response === 1 });
  }
}

async function start(): Promise<void> {
  hardenSession();
  // The review pack PDF is printed by this Electron (a hidden, sandboxed window with JavaScript
  // off, webContents.printToPDF), so users need no separate Chromium.
  registerPdfPrinter(electronPdfPrinter(BrowserWindow));
  const file = dataFilePath();
  try {
    backend = await openWithChoice(file);
    if (!backend) {
      app.exit(0);
      return;
    }
  } catch (e) {
    const message = e instanceof DomainError ? e.message : `Uventet feil: ${(e as Error).message}`;
    console.error(`Turnus kunne ikke starte: ${message}`);
    dialog.showErrorBox('Turnus kan ikke åpne datafilen', message);
    app.exit(2);
    return;
  }
  const dispatch = backend.dispatch;
  // Registered ONCE for the app (re-registering a channel throws).
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Forespørselen kom ikke fra Turnus-vinduet og ble avvist.' } };
    }
    return dispatch(method, args);
  });
  createWindow();
  // What opening did besides opening (e.g. a -wal of another file moved aside): said, not hidden.
  for (const notice of backend.opened.notices) {
    void dialog.showMessageBox({ type: 'warning', title: 'Turnus', message: 'Merk', detail: notice, buttons: ['OK'] });
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Turnus is running: it gets our arguments and focuses its window.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (e) => {
    console.error(e);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
}
