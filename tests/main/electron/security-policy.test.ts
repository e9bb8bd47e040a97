import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { denyPermissions, hardenContents, isAllowedNavigation, isAppTopFrame, withAppHeaders } from '../../../src/main/electron/security-policy';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { APP_ORIGIN } from '../../../src/shared/ipc-channels';

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = h;
  }
}

const navigate = (contents: FakeContents, event: string, url: string): boolean => {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
};

describe('Electron security defaults', () => {
  // Electronegativity (scripts/electron-posture.mjs) checks contextIsolation, sandbox,
  // nodeIntegration, webSecurity, insecure content, experimental and Blink features; these it does not.
  it('spells out the web preferences the posture check does not read (main.ts imports electron, so its text is read)', () => {
    const main = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src/main/electron/main.ts'), 'utf8');
    for (const setting of ['nodeIntegrationInWorker: false', 'nodeIntegrationInSubFrames: false', 'webviewTag: false', 'navigateOnDragDrop: false', 'safeDialogs: true']) {
      expect(main).toContain(setting);
    }
  });

  it('serves every app:// response with the CSP and cross-origin isolation', () => {
    const headers = withAppHeaders(new Headers({ 'Content-Type': 'text/html', 'Content-Security-Policy': "default-src *" }));
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'text/html',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    });
  });

  it('gives the call port only to the top frame of the app origin', () => {
    expect(isAppTopFrame({ url: `${APP_ORIGIN}/index.html`, parent: null })).toBe(true);
    expect(isAppTopFrame({ url: `${APP_ORIGIN}/index.html`, parent: {} })).toBe(false);
    expect(isAppTopFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isAppTopFrame({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isAppTopFrame({ url: 'not a url', parent: null })).toBe(false);
    expect(isAppTopFrame(null)).toBe(false);
  });

  it('blocks navigation and redirects away from the app, webviews and new windows', () => {
    const contents = new FakeContents();
    hardenContents(contents as never);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate(contents, 'will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    let webviewBlocked = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewBlocked = true) });
    expect(webviewBlocked).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) request!(null, p, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
  });
});
