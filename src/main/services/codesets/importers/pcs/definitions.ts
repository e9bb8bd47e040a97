/**
 * ICD-10-PCS definitions XML (`<ICD10PCS.definitions>`): each section's axes and their terms
 * (title, definition, explanation, includes), stored per section, axis and value label so the
 * builder can show them, and the device aggregation table.
 */
import { importFailure } from '../../import-failure';
import { childElements, textOf, type XmlElement } from '../../xml/safe-xml';
import type { ContentDb } from '../../content-db';
import { pcsXmlImporter } from './pcs-importer';
import { childText, PCS_CHAR, readTrees } from './pcs-xml';

const ROOT = 'ICD10PCS.definitions';

export const pcsDefinitionsImporter = pcsXmlImporter({
  kind: 'icd10pcs-definitions',
  sourceKind: 'definitions',
  root: ROOT,
  description: 'ICD-10-PCS definitions XML',
  progressTag: 'section',
  write({ db, source, xml, release, step }) {
    const writer = definitionWriter(db, source.name, release.id);
    readTrees(
      source.name,
      xml,
      ROOT,
      (name, depth) => depth === 2 && (name === 'section' || name === 'deviceAggregation'),
      (el) => {
        if (el.name === 'deviceAggregation') return writer.aggregation(el);
        writer.section(el);
        step();
      },
    );
    if (writer.terms() === 0) throw importFailure(source.name, 0, 'the file holds no <section> with terms');
    return writer.terms();
  },
});

function definitionWriter(db: ContentDb, file: string, sourceId: number) {
  const insertTerm = db.prepare(
    `INSERT INTO pcs_definition (source_id, section, pos, axis_title, title_key, title, definition, explanation, includes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAggregate = db.prepare(
    `INSERT INTO pcs_device_aggregation (source_id, seq, device, operation, body_systems, parent_value, parent_label)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const keys = new Set<string>();
  let aggregates = 0;

  const term = (section: string, pos: number, axisTitle: string, el: XmlElement) => {
    const titles = childElements(el, 'title').map(textOf).filter((t) => t !== '');
    if (titles.length === 0) throw importFailure(file, el.line, `a term of section ${section} axis ${pos} has no title`);
    const includes = childElements(el, 'includes').map(textOf).filter((t) => t !== '');
    for (const title of titles) {
      const key = `${section}|${pos}|${title.toLowerCase()}`;
      if (keys.has(key)) throw importFailure(file, el.line, `section ${section} axis ${pos} defines the same term twice`);
      keys.add(key);
      insertTerm.run(
        sourceId,
        section,
        pos,
        axisTitle,
        title.toLowerCase(),
        title,
        childText(el, 'definition'),
        childText(el, 'explanation'),
        JSON.stringify(includes),
      );
    }
  };

  return {
    terms: () => keys.size,
    section(el: XmlElement) {
      const section = el.attrs.code ?? '';
      if (!PCS_CHAR.test(section)) {
        throw importFailure(file, el.line, 'a section code is not one PCS character (digits and letters except I and O)');
      }
      for (const axis of childElements(el, 'axis')) {
        const pos = Number(axis.attrs.pos);
        if (!Number.isInteger(pos) || pos < 1 || pos > 7) {
          throw importFailure(file, axis.line, `an axis of section ${section} has a position outside 1-7`);
        }
        const axisTitle = childText(axis, 'title');
        if (axisTitle === null) throw importFailure(file, axis.line, `axis ${pos} of section ${section} has no title`);
        for (const t of childElements(axis, 'terms')) term(section, pos, axisTitle, t);
      }
    },
    aggregation(el: XmlElement) {
      for (const agg of childElements(el, 'aggregate')) {
        const device = childText(agg, 'device');
        const parent = childElements(agg, 'parent')[0];
        const value = parent?.attrs.value ?? '';
        if (device === null || !parent || !PCS_CHAR.test(value)) {
          throw importFailure(file, agg.line, 'a device aggregation row needs a device and a parent with a one-character value');
        }
        const bodySystems = childElements(agg, 'bodySys').map(textOf);
        insertAggregate.run(
          sourceId,
          ++aggregates,
          device,
          childText(agg, 'operation') ?? '',
          JSON.stringify(bodySystems),
          value,
          textOf(parent),
        );
      }
    },
  };
}
