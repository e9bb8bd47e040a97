/**
 * The shape every ICD-10-PCS XML importer shares: sniff the root element, take the fiscal
 * year from the file, decode, and write one release in one transaction. Each importer only
 * supplies how to write its elements.
 */
import type { ContentDb } from '../../content-db';
import type { FileImporter, ImportSource } from '../types';
import { decodeXml, fiscalYearOf, hasRoot, sha256 } from './pcs-xml';
import { finishRelease, startRelease, type PcsRelease, type PcsSourceKind } from './release';

export interface PcsWriteContext {
  db: ContentDb;
  source: ImportSource;
  xml: string;
  digest: string;
  release: PcsRelease;
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
  const counter = new RegExp(`<${spec.progressTag}[\\s>]`, 'g');
  return {
    kind: spec.kind,
    description: spec.description,
    detect: ({ head }) => hasRoot(head, spec.root),
    check: (source) => void fiscalYearOf(source, spec.description),
    run({ db, progress }, source) {
      const fiscalYear = fiscalYearOf(source, spec.description);
      const bytes = source.read();
      const xml = decodeXml(source.name, bytes);
      const total = xml.match(counter)?.length ?? 0;
      const digest = sha256(bytes);
      return db.transaction(() => {
        const release = startRelease(db, spec.sourceKind, fiscalYear, source.name, digest);
        let done = 0;
        const items = spec.write({ db, source, xml, digest, release, step: () => progress(++done, total) });
        finishRelease(db, release, items);
        return { path: source.path, kind: spec.kind, system: 'icd10pcs', label: release.label, codes: items, replaced: release.replaced };
      })();
    },
  };
}
