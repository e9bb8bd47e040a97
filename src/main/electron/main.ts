/**
 * Electron glue — the only code that imports electron. It creates the hardened window,
 * serves the renderer over app:// with the CSP, gives the app's own page a private call port
 * to api.ts (call-port.ts), pushes events by IPC, and locks on OS lock or suspend. Everything else lives in services.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, MessageChannelMain, net, powerMonitor, protocol, session, type MessagePortMain } from 'electron';
import { APP_ORIGIN, APP_SCHEME, IPC_EVENT } from '../../shared/ipc-channels';
import { callApi } from '../api';
import { MAX_CALL_BYTES } from '../call-envelope';
import { CodeDeskApp } from '../app';
import { appRoot, resolveHome, resourcesDir } from '../paths';
import { openCallPort } from './call-port';
import { lockOnOsEvents } from './os-lock';
import { denyPermissions, hardenContents, withAppHeaders } from './security-policy';
import { HUB_SYNC_INTERVAL_MS } from '../sync/hub-sync';

const outDir = path.join(appRoot(), 'out');
const rendererDir = path.join(outDir, 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  const codedesk = new CodeDeskApp({
    home: process.env.CODEDESK_HOME ? resolveHome() : path.join(app.getPath('userData'), 'codedesk'),
    resourcesDir: resourcesDir(),
  });
  codedesk.hub.start(HUB_SYNC_INTERVAL_MS);
  denyPermissions(session.defaultSession);

  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, pathname === '/' ? 'index.html' : `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, { status: response.status, headers: withAppHeaders(new Headers(response.headers)) });
  });

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'CodeDesk',
    show: false,
    // Spelled out here, where Electronegativity (scripts/electron-posture.mjs) reads them.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would open a link as a new window; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      preload: path.join(outDir, 'preload', 'index.cjs'),
    },
  });
  win.once('ready-to-show', () => win.show());
  // Each page load gets a fresh private call port (if it is the app's own page); the previous page's one is closed.
  let callPort: MessagePortMain | null = null;
  win.webContents.on('did-finish-load', () => {
    callPort?.close();
    callPort = openCallPort(win.webContents.mainFrame, () => new MessageChannelMain(), (method, input) => callApi(codedesk, method, input), MAX_CALL_BYTES);
  });
  codedesk.events.on((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
  });
  lockOnOsEvents(powerMonitor, codedesk);
  codedesk.warmSearchSoon();
  app.on('window-all-closed', () => {
    codedesk.close();
    app.quit();
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

void start();
