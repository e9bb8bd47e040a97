/**
 * ICD-10-PCS index XML (`<ICD10PCS.index>`): keeps the term tree for the UI and writes an
 * entry point (kind 'index', system 'icd10pcs') for every term that leads to a code, a
 * partial code or a table, so search can offer "Appendectomy > see Resection, Appendix".
 */
import type { ContentDb } from '../../content-db';
import { importFailure } from '../../import-failure';
import { childElements, type XmlElement } from '../../xml/safe-xml';
import { pcsXmlImporter } from './pcs-importer';
import { childText, ownText, PCS_PARTIAL, readTrees } from './pcs-xml';

const ROOT = 'ICD10PCS.index';
const CODE_KINDS = ['code', 'codes', 'tab'] as const;
type CodeKind = (typeof CODE_KINDS)[number];
const CODE_LENGTHS: Record<CodeKind, [number, number]> = { code: [7, 7], codes: [3, 7], tab: [3, 3] };

export const pcsIndexImporter = pcsXmlImporter({
  kind: 'icd10pcs-index',
  sourceKind: 'index',
  root: ROOT,
  description: 'ICD-10-PCS index XML',
  progressTag: 'mainTerm',
  write({ db, source, xml, digest, release, step }) {
    const writer = indexWriter(db, source.name, release.id, entrySource(db, release.label, source.name, digest));
    let mainTerms = 0;
    readTrees(
      source.name,
      xml,
      ROOT,
      (name, depth) => depth === 3 && name === 'mainTerm',
      (el) => {
        writer.term(el, null, 0, []);
        mainTerms += 1;
        step();
      },
    );
    if (mainTerms === 0) throw importFailure(source.name, 0, 'the file holds no <mainTerm>');
    return writer.count();
  },
});

/** Replaces this year's entry_source row for the PCS index (its entry points cascade). */
function entrySource(db: ContentDb, label: string, file: string, digest: string): number {
  db.prepare("DELETE FROM entry_source WHERE kind = 'index' AND system = 'icd10pcs' AND label = ?").run(label);
  const inserted = db
    .prepare(
      `INSERT INTO entry_source (kind, system, label, file, sha256, imported_at) VALUES ('index', 'icd10pcs', ?, ?, ?, ?)`,
    )
    .run(label, file, digest, new Date().toISOString());
  return Number(inserted.lastInsertRowid);
}

interface FoundCode {
  code: string;
  kind: CodeKind;
}

function indexWriter(db: ContentDb, file: string, sourceId: number, entrySourceId: number) {
  const insertTerm = db.prepare(
    `INSERT INTO pcs_index_term (source_id, seq, parent_seq, level, title, code, code_kind, see, use)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare('INSERT INTO entry_point (source_id, term, code, path) VALUES (?, ?, ?, ?)');
  let seq = 0;

  const codeIn = (el: XmlElement): FoundCode | null => {
    for (const kind of CODE_KINDS) {
      const raw = childText(el, kind);
      if (raw === null) continue;
      const code = raw.replace(/\s/g, '').toUpperCase();
      const [min, max] = CODE_LENGTHS[kind];
      if (!PCS_PARTIAL.test(code) || code.length < min || code.length > max) {
        throw importFailure(file, el.line, `an index <${kind}> is not ${min === max ? min : `${min} to ${max}`} PCS characters`);
      }
      return { code, kind };
    }
    return null;
  };

  const term = (el: XmlElement, parent: number | null, level: number, titles: readonly string[]): void => {
    const title = childText(el, 'title');
    if (level === 0 && title === null) throw importFailure(file, el.line, 'a main term has no title');
    // <see> and <use> may embed the code they lead to ("use Stimulator Generator in <tab>0JH</tab>").
    const seeEl = childElements(el, 'see')[0];
    const useEl = childElements(el, 'use')[0];
    const see = seeEl ? ownText(seeEl) || null : null;
    const use = useEl ? ownText(useEl) || null : null;
    const inUse = useEl ? codeIn(useEl) : null;
    const found = codeIn(el) ?? (seeEl ? codeIn(seeEl) : null) ?? inUse;
    const mySeq = ++seq;
    insertTerm.run(sourceId, mySeq, parent, level, title, found?.code ?? null, found?.kind ?? null, see, use);
    const path = title === null ? titles : [...titles, title];
    if (found && path.length > 0) {
      let shown = path.join(' > ');
      if (see) shown += ` > see ${see}`;
      else if (use && inUse) shown += ` > use ${use} ${inUse.code}`;
      insertEntry.run(entrySourceId, path.join(', '), found.code, shown);
    }
    for (const child of childElements(el, 'term')) term(child, mySeq, level + 1, path);
  };

  return { term, count: () => seq };
}
