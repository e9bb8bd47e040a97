/** Where CodeDesk keeps its data, and where its bundled resources are. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--home DIR`, else CODEDESK_HOME, else ~/.codedesk. */
export function resolveHome(flag?: string): string {
  const chosen = flag ?? process.env.CODEDESK_HOME ?? path.join(os.homedir(), '.codedesk');
  return path.resolve(chosen);
}

/** The repo's resources/ folder, found from this file whether run from src/ (tsx) or out/ (built). */
export function resourcesDir(): string {
  if (process.env.CODEDESK_RESOURCES) return path.resolve(process.env.CODEDESK_RESOURCES);
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/main/paths.ts and out/main/*.js are both two levels below the repo root.
  return path.resolve(here, '..', '..', 'resources');
}

export function contentDbPath(home: string): string {
  return path.join(home, 'content.db');
}
