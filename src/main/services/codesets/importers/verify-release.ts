/**
 * Before a file is imported: one pass over its bytes for its SHA-256, size and line count,
 * and for control characters; then its verdict against the official releases. A file whose
 * name claims a known release must be that release byte for byte (else it is refused as cut
 * short or altered); a file matching no release is imported only when the user allows
 * unverified files, and is recorded as unverified.
 */
import { createHash } from 'node:crypto';
import { importFailure } from '../import-failure';
import { fiscalYearFromName } from '../source-files';
import { ControlCharScan, controlReason } from './control-chars';
import { OFFICIAL_RELEASES, releaseNameKey, type OfficialRelease } from './release-manifest';
import type { ImportSource } from './types';

export interface FileFacts {
  sha256: string;
  bytes: number;
  /** Null for binary files (a zip or xlsx), whose "lines" mean nothing. */
  lines: number | null;
}

export interface ReleaseCheck {
  facts: FileFacts;
  /** The official release the file is, or null when unverified. */
  release: OfficialRelease | null;
}

export interface VerifyOptions {
  /** Import files that match no known release (recorded as unverified). */
  allowUnverified?: boolean;
  /** The known releases; the committed manifest unless a test supplies its own. */
  releases?: readonly OfficialRelease[];
}

const isBinary = (head: string): boolean => head.startsWith('PK\u0003\u0004');

/** Digest, size and line count in one pass; a text file's first control character is refused here. */
export function fileFacts(source: Pick<ImportSource, 'name' | 'head' | 'chunks'>): FileFacts {
  const hash = createHash('sha256');
  const binary = isBinary(source.head);
  const controls = binary ? null : new ControlCharScan();
  let bytes = 0;
  let newlines = 0;
  let lastByte = 0x0a;
  for (const chunk of source.chunks()) {
    if (chunk.length === 0) continue;
    hash.update(chunk);
    controls?.push(chunk);
    bytes += chunk.length;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) newlines += 1;
    lastByte = chunk[chunk.length - 1] ?? lastByte;
  }
  controls?.end();
  if (controls?.found) throw importFailure(source.name, controls.found.line, controlReason(controls.found.code));
  const lines = binary ? null : newlines + (lastByte === 0x0a || bytes === 0 ? 0 : 1);
  return { sha256: hash.digest('hex'), bytes, lines };
}

const count = (n: number): string => n.toLocaleString('en-US');

function sizeOf(bytes: number, lines: number | null): string {
  return lines === null ? `${count(bytes)} bytes` : `${count(bytes)} bytes, ${count(lines)} lines`;
}

/** Checks one file (of importer kind `kind`); throws IMPORT_FAILED when it may not be imported. */
export function verifyRelease(source: Pick<ImportSource, 'name' | 'head' | 'chunks'>, kind: string, options: VerifyOptions = {}): ReleaseCheck {
  const releases = options.releases ?? OFFICIAL_RELEASES;
  const facts = fileFacts(source);
  const key = releaseNameKey(source.name);
  const claimed = releases.filter((r) => r.kind === kind && releaseNameKey(r.name) === key);
  const match = releases.find((r) => r.kind === kind && r.sha256 === facts.sha256);
  const expected = claimed[0];
  // The importers take the year from the name: an official file renamed to another year is refused.
  const sameYear = match !== undefined && fiscalYearFromName(source.name) === fiscalYearFromName(match.name);
  if (match && (expected ? claimed.includes(match) : sameYear)) return { facts, release: match };
  if (match) {
    throw importFailure(source.name, 0, `the file is the official ${match.release} under another name: rename it back to ${match.name}`);
  }
  if (expected) {
    const found = sizeOf(facts.bytes, expected.lines === null ? null : facts.lines);
    throw importFailure(
      source.name,
      0,
      `expected the ${expected.release} (${sizeOf(expected.bytes, expected.lines)}) but found ${found}: the file looks truncated or altered; download it again`,
    );
  }
  if (!options.allowUnverified) {
    const reason =
      'the file matches no official release CodeDesk knows (a newer release, or not an official file); ' +
      'to import it anyway, marked unverified, allow unverified files (codedesk codes import --allow-unverified)';
    throw importFailure(source.name, 0, reason);
  }
  return { facts, release: null };
}
