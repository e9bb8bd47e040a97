/**
 * Electron security settings as small functions, with no electron import, so they are
 * unit-tested here even though Electron cannot run on these machines. (The window's
 * webPreferences are spelled out in main.ts, where the posture check reads them.)
 */
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { APP_ORIGIN } from '../../shared/ipc-channels';

/**
 * The headers of every app:// response: the one CSP, and cross-origin isolation as on the
 * browser host (the call worker shares memory with the page for the keystroke's reply).
 */
export function withAppHeaders(headers: Headers): Headers {
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return headers;
}

const APP = new URL(APP_ORIGIN);

/** URL.origin is "null" for custom schemes, so compare scheme and host. */
function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === APP.protocol && u.host === APP.host && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Only the top frame of our own app origin is given the call port (and so may call the API). */
export function isAppTopFrame(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return Boolean(frame && !frame.parent && isAppUrl(frame.url));
}

/** The window never navigates away from the app. */
export const isAllowedNavigation = isAppUrl;

/** Minimal shapes of what hardenContents touches, so tests can pass plain fakes. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export function hardenContents(contents: ContentsLike): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
