import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  denyPermissions,
  hardenContents,
  isAllowedNavigation,
  isAppTopFrame,
  SECURE_WEB_PREFERENCES,
} from '../../../src/main/electron/security-policy';
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
  it('isolates and sandboxes the renderer with no Node integration', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
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
