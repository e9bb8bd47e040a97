/** Serves the built renderer (no PHI in it) from one folder, refusing anything outside it. */
import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

export function readStatic(rootDir: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(rootDir, relative);
  if (full !== rootDir && !full.startsWith(rootDir + path.sep)) return null;
  try {
    const stat = fs.statSync(full);
    if (!stat.isFile()) return null;
    return { body: fs.readFileSync(full), type: MIME[path.extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
