/**
 * The official releases CodeDesk knows (resources/official-releases.json): for each file, its
 * name, importer kind, size, line count and SHA-256. A manifest of digests is how a file cut
 * short or altered is told from the real one: the importers' own checks cannot see a file
 * that stops cleanly after a line.
 */
import manifest from '../../../../../resources/official-releases.json';

export interface OfficialRelease {
  /** The file's official name (a zip download's member name). */
  name: string;
  /** The importer kind that takes it (FileImporter.kind). */
  kind: string;
  /** For people: "ICD-10-CM FY2026 order file". */
  release: string;
  bytes: number;
  /** Line feeds, plus one when the last line has none; null for binary files (xlsx). */
  lines: number | null;
  sha256: string;
}

export const OFFICIAL_RELEASES: readonly OfficialRelease[] = manifest.releases;

/**
 * A name as the releases are matched on: case, '-', '_' and spaces aside (CDC names its copy
 * icd10cm-order-2026.txt, CMS icd10cm_order_2026.txt), and a browser's " (1)" before the
 * extension dropped.
 */
export function releaseNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\(\d+\)(?=\.[^.]*$)/, '')
    .replace(/[-_\s]+/g, '_');
}
