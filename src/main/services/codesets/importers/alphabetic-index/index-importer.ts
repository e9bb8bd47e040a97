/** One FileImporter per ICD-10-CM index file kind (Alphabetic Index, External Cause index, Drug and Neoplasm tables). */
import { importFailure } from '../../import-failure';
import { scanSource, sourceText, type SourceScan } from '../streaming/source-scan';
import type { FileImporter, ImportSource } from '../types';
import { detectIndexKind, INDEX_KIND_INFO, type IndexKind } from './index-kinds';
import { indexRelease, type IndexRelease } from './index-release';
import { writeIndexRelease } from './index-store';
import { parseIndexXml } from './index-xml';

/** The <version> text in the first KB of the file, or null. */
function versionInHead(head: string): string | null {
  return /<version>\s*([^<]*?)\s*<\/version>/.exec(head)?.[1] ?? null;
}

function releaseOf(name: string, version: string | null): IndexRelease {
  const release = indexRelease(name, version);
  if (typeof release === 'string') throw importFailure(name, 0, release);
  return release;
}

/** The files are UTF-8 (their declaration says so); anything else is refused, not guessed. */
function utf8Scan(source: ImportSource): SourceScan {
  const scan = scanSource(source);
  if (scan.notUtf8Line !== null) throw importFailure(source.name, 0, 'the file is not UTF-8 text');
  return scan;
}

export function indexImporter(kind: IndexKind): FileImporter {
  const info = INDEX_KIND_INFO[kind];
  return {
    kind: `icd10cm-${kind}`,
    description: info.description,
    detect: ({ name, head }) => detectIndexKind(name, head) === kind,
    check: (source: ImportSource) => void releaseOf(source.name, versionInHead(source.head)),
    run({ db, progress }, source) {
      // In chunks: the digest and UTF-8 check first, then the elements.
      const scan = utf8Scan(source);
      const doc = parseIndexXml(source.name, sourceText(source, scan));
      if (info.table && doc.columns.length === 0) throw importFailure(source.name, 0, 'the table has no <indexHeading>');
      if (!info.table && doc.columns.length > 0) throw importFailure(source.name, 0, 'an index file should not have an <indexHeading>');
      const release = releaseOf(source.name, doc.version);
      const { replaced, codes } = writeIndexRelease(
        db,
        { kind, release, file: source.name, sha256: scan.sha256 },
        doc,
        progress,
      );
      return { path: source.path, kind: `icd10cm-${kind}`, system: 'icd10cm', label: release.label, codes, replaced };
    },
  };
}
