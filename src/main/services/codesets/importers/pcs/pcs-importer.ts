/**
 * The shape every ICD-10-PCS XML importer shares: sniff the root element, take the fiscal
 * year from the file, decode, and write one release in one transaction. Each importer only
 * supplies how to write its elements.
 */
import type { ContentDb } from '../../content-db';
import type { FileImporter, ImportSource } from '../types';
import { scanSource } from '../streaming/source-scan';
import { countTags, fiscalYearOf, hasRoot, xmlEncoding, xmlPieces } from './pcs-xml';
import { finishRelease, startRelease, type PcsRelease, type PcsSourceKind } from './release';

export interface PcsWriteContext {
  db: ContentDb;
  source: ImportSource;
  /** The document in decoded pieces, read from the file in chunks (never held whole). */
  xml: Iterable<string>;
  digest: string;
  release: PcsRelease;
  fiscalYear: number;
  /** Reports one more top-level element written, out of those counted in the file. */
  step(): void;
}

export function pcsXmlImporter(spec: {
  kind: FileImporter['kind'];
  sourceKind: PcsSourceKind;
  root: string;
  description: string;
  /** The element counted for progress (`pcsTable`, `section`, `mainTerm`). */
  progressTag: string;
  /** Writes the file's rows; returns the count stored as the release's item count. */
  write(context: PcsWriteContext): number;
}): FileImporter {
  return {
    kind: spec.kind,
    description: spec.description,
    detect: ({ head }) => hasRoot(head, spec.root),
    check: (source) => void fiscalYearOf(source, spec.description),
    run({ db, progress }, source) {
      const fiscalYear = fiscalYearOf(source, spec.description);
      // Passes in chunks: digest and UTF-8 check, the progress total, then the elements.
      const scan = scanSource(source);
      const xml = xmlPieces(source, xmlEncoding(source.name, source.head, scan));
      const total = countTags(xml, spec.progressTag);
      const digest = scan.sha256;
      return db.transaction(() => {
        const release = startRelease(db, spec.sourceKind, fiscalYear, source.name, digest);
        let done = 0;
        const items = spec.write({ db, source, xml, digest, release, fiscalYear, step: () => progress(++done, total) });
        finishRelease(db, release, items);
        return { path: source.path, kind: spec.kind, system: 'icd10pcs', label: release.label, codes: items, replaced: release.replaced };
      })();
    },
  };
}
