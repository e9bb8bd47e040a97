/** Where CodeDesk keeps its data, and where its bundled resources are. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--home DIR`, else CODEDESK_HOME, else ~/.codedesk. */
export function resolveHome(flag?: string): string {
  const chosen = flag ?? process.env.CODEDESK_HOME ?? path.join(os.homedir(), '.codedesk');
  return path.resolve(chosen);
}

/**
 * The application root (the folder with CodeDesk's package.json), found by walking up from
 * this module: it may run from src/ (tsx), out/main/ or a bundler's chunk folder.
 */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'resources'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('CodeDesk cannot find its installation folder.');
    dir = parent;
  }
}

/** The bundled resources/ folder (demo workspace, notices). */
export function resourcesDir(): string {
  if (process.env.CODEDESK_RESOURCES) return path.resolve(process.env.CODEDESK_RESOURCES);
  return path.join(appRoot(), 'resources');
}

export function contentDbPath(home: string): string {
  return path.join(home, 'content.db');
}
