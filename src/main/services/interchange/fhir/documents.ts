/**
 * DocumentReference (content[] attachments) and DiagnosticReport (presentedForm) → document
 * items for the chart of their encounter. A document whose encounter is not in this export is
 * still yielded: the encounter may be in the workspace already, and the ingest decides.
 */
import type { DocumentKind } from '../../../../shared/domain';
import type { IncomingItem, ReadOptions } from '../incoming';
import { attachmentContent, type AttachmentLookup } from './attachments';
import { localDate } from './dates';
import { encounterSourceKey, firstReference, type ExportIndex, type Origin } from './export-index';
import { arr, codings, conceptText, label, obj, str, type Json } from './json';
import { referenceName } from './names';
import { PRE_R4_REASON, preR4Sign } from './pre-r4';
import { LOINC_DOCUMENT_KINDS, REPORT_CATEGORY_KINDS } from './tables';

export interface DocumentContext {
  index: ExportIndex;
  options: ReadOptions;
  lookup: AttachmentLookup;
}

/** What the two document resources have in common, read from each one's own fields. */
interface DocumentShape {
  encounter: unknown;
  kind: DocumentKind;
  typeText: string | null;
  author: unknown;
  date: string | null;
  attachments: unknown[];
}

function kindOf(type: unknown, categories: unknown[]): DocumentKind {
  for (const coding of codings(type)) {
    const kind = LOINC_DOCUMENT_KINDS[coding.code];
    if (kind) return kind;
  }
  for (const category of categories) {
    for (const coding of codings(category)) {
      const kind = REPORT_CATEGORY_KINDS[coding.code];
      if (kind) return kind;
    }
  }
  return 'other';
}

function shapeOf(resource: Json): DocumentShape {
  if (resource.resourceType === 'DocumentReference') {
    const context = obj(resource.context);
    return {
      encounter: firstReference(context?.encounter),
      kind: kindOf(resource.type, []),
      typeText: conceptText(resource.type),
      author: arr(resource.author)[0],
      date: localDate(resource.date) ?? localDate(obj(context?.period)?.start),
      attachments: arr(resource.content).map((c) => obj(c)?.attachment),
    };
  }
  return {
    encounter: resource.encounter,
    kind: kindOf(resource.code, arr(resource.category)),
    typeText: conceptText(resource.code),
    author: arr(resource.resultsInterpreter)[0] ?? arr(resource.performer)[0],
    date: localDate(resource.effectiveDateTime) ?? localDate(obj(resource.effectivePeriod)?.start) ?? localDate(resource.issued),
    attachments: arr(resource.presentedForm),
  };
}

/** The encounter's own start date, when a document carries no date of its own. */
function encounterDate(sourceKey: string, index: ExportIndex): string | null {
  const encounter = index.resources.get(sourceKey.slice('fhir:'.length));
  return localDate(obj(encounter?.period)?.start);
}

interface Prepared {
  name: string;
  chartSourceKey: string;
  shape: DocumentShape;
  date: string;
  author: string;
}

/** Everything but the attachments, or why the resource is refused (null: not a document at all). */
function prepare(resource: Json, context: DocumentContext): Prepared | string | null {
  const name = label(resource);
  const sign = preR4Sign(resource);
  if (sign) return `${name} ${PRE_R4_REASON} (${sign})`;
  const shape = shapeOf(resource);
  // A DiagnosticReport without presentedForm is result data (Observations), not a document.
  if (resource.resourceType === 'DiagnosticReport' && shape.attachments.length === 0) return null;
  if (!str(resource.id)) return `a ${String(resource.resourceType)} without an id cannot be kept (nothing stable to key it by)`;
  if (str(resource.status) === 'entered-in-error') return `${name} is marked entered-in-error`;
  const chartSourceKey = encounterSourceKey(shape.encounter, context.index.resources);
  if (!chartSourceKey) return `${name} names no encounter that a chart could be found by`;
  const date = shape.date ?? encounterDate(chartSourceKey, context.index);
  if (!date) return `${name} has no date, and its encounter is not in this export`;
  if (shape.attachments.length === 0) return `${name} has no attachment`;
  return { name, chartSourceKey, shape, date, author: referenceName(shape.author, context.index.resources) ?? '' };
}

/** One document item per attachment (the first keeps the resource's own name as sourceId), or refusals. */
export async function* documentItems(resource: Json, origin: Origin, context: DocumentContext): AsyncGenerator<IncomingItem> {
  const refuse = (reason: string): IncomingItem => ({
    type: 'refused',
    refusal: { file: origin.file, line: origin.line, reason: origin.entry ? `${origin.entry}: ${reason}` : reason },
  });
  const prepared = prepare(resource, context);
  if (prepared === null) return;
  if (typeof prepared === 'string') {
    yield refuse(prepared);
    return;
  }
  const { name, chartSourceKey, shape, date, author } = prepared;
  for (const [i, value] of shape.attachments.entries()) {
    const sourceId = i === 0 ? name : `${name}#${i + 1}`;
    const content = await attachmentContent(value, origin.file, context.options.maxAttachmentBytes, context.lookup);
    if (typeof content === 'string') {
      yield refuse(`${sourceId}: ${content}`);
      continue;
    }
    const title = str(obj(value)?.title) ?? shape.typeText ?? 'Document';
    yield {
      type: 'document',
      chartSourceKey,
      file: origin.file,
      line: origin.line,
      document: { sourceId, kind: shape.kind, title, author, date, ...content },
    };
  }
}
