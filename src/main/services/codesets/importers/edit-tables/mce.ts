/** Imports the MCE "Definitions of Medicare Code Edits" text (Windows-1252) into mce_edit / mce_code. */
import { decodeText } from '../../text-decoding';
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary } from '../types';
import { endAfterMonths, replaceEditFile, setRowCount, splitLines, digestOf } from './edit-file-store';
import { MceParseError, parseMce, type MceDocument } from './mce-parser';

export const mceImporter: FileImporter = {
  kind: 'mce-definitions',
  description: 'MCE Definitions of Medicare Code Edits (text)',
  detect: (source) => /^\s*Definitions of Medicare Code Edits\s*$/m.test(source.head.slice(0, 400)),
  run(context, source): FileSummary {
    const bytes = source.read();
    let doc: MceDocument;
    try {
      doc = parseMce(splitLines(decodeText(bytes)));
    } catch (e) {
      if (e instanceof MceParseError) throw importFailure(source.name, e.line, e.message);
      throw e;
    }
    if (doc.codes.length === 0) throw importFailure(source.name, 0, 'no edit code lists were found');
    const { db } = context;
    const label = `MCE v${doc.version}`;
    let replaced = false;
    db.transaction(() => {
      const file = replaceEditFile(
        db,
        {
          kind: 'mce',
          variant: '',
          part: '',
          label,
          effectiveFrom: doc.effectiveFrom,
          // Releases come each October and April: in force until the next one.
          effectiveTo: endAfterMonths(doc.effectiveFrom, 6),
          source: source.name,
        },
        digestOf(bytes),
      );
      replaced = file.replaced;
      const insertEdit = db.prepare('INSERT INTO mce_edit (file_id, edit, part, title, active, line) VALUES (?, ?, ?, ?, ?, ?)');
      for (const e of doc.edits) {
        try {
          insertEdit.run(file.id, e.edit, e.part, e.title, e.active ? 1 : 0, e.line);
        } catch {
          throw importFailure(source.name, e.line, `edit ${e.edit}${e.part} appears twice`);
        }
      }
      const insertCode = db.prepare('INSERT OR IGNORE INTO mce_code (file_id, edit, part, grp, code, line) VALUES (?, ?, ?, ?, ?, ?)');
      doc.codes.forEach((c, n) => {
        insertCode.run(file.id, c.edit, c.part, c.grp, c.code, c.line);
        if (n % 5000 === 0) context.progress(n, doc.codes.length);
      });
      setRowCount(db, file.id, doc.codes.length);
    })();
    context.progress(doc.codes.length, doc.codes.length);
    return { path: source.path, kind: 'mce-definitions', system: 'icd10cm', label, codes: doc.codes.length, replaced };
  },
};
