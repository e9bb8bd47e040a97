/**
 * The files of a Bulk Data export, wherever they sit: a folder, a zip, or one NDJSON file chosen
 * alone. The reader streams them and never extracts a zip to disk (no copy of PHI left behind).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { unsafeMemberName } from '../../codesets/importers/streaming/read-zip';

export interface ExportFiles {
  /** The NDJSON files, as names relative to the export's root. */
  readonly ndjson: string[];
  /** How a refusal names the file: its path on disk, or `<zip>/<member>`. */
  display(name: string): string;
  open(name: string): Promise<Readable>;
  /** Bytes of any file of the export; null when absent, 'too-large' when over `maxBytes`. */
  read(name: string, maxBytes: number): Promise<Buffer | 'too-large' | null>;
  close(): void;
}

/** A path inside the export named by a relative url from the file `from`; null when it leaves the export. */
export function resolveInside(relativeUrl: string, from: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativeUrl.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded));
  return joined === '.' || unsafeMemberName(joined) || joined.startsWith('../') ? null : joined;
}

export function folderFiles(root: string, only?: string): ExportFiles {
  const ndjson = only ? [only] : fs.readdirSync(root).filter((f) => f.toLowerCase().endsWith('.ndjson')).sort();
  return {
    ndjson,
    display: (name) => path.join(root, name),
    open: async (name) => fs.createReadStream(path.join(root, name)),
    read: async (name, maxBytes) => {
      const full = path.join(root, name);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (!stat?.isFile()) return null;
      if (stat.size > maxBytes) return 'too-large';
      return fs.promises.readFile(full);
    },
    close: () => undefined,
  };
}
