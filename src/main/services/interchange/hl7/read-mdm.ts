/**
 * One MDM^T02 (original document notification with content) → a document for its visit. The TXA
 * header says what it is; the OBX segments carry it: text lines (each OBX-5 one line, each `~`
 * repetition a line break, escape sequences decoded) or, when an OBX is of type ED, an
 * encapsulated file (a base64 PDF). Text OBX sent beside an ED one are kept as a second, text
 * document ('<TXA-12>#text'), so nothing the sender wrote is dropped.
 */
import type { Hl7Message, Hl7Segment } from '@medplum/core';
import type { IncomingDocument, ReadOptions } from '../incoming';
import { documentKind } from './document-kinds';
import { edAttachment } from './ed-attachment';
import { NO_VISIT_NUMBER, visitId } from './visit-key';
import { hl7Date, providerName, repetitionCount, repetitionText, value } from './values';

export type MdmResult = { ok: true; chartSourceKey: string; documents: IncomingDocument[] } | { ok: false; reason: string };

function documentText(obxs: readonly Hl7Segment[]): string {
  const lines: string[] = [];
  for (const obx of obxs) {
    const count = repetitionCount(obx, 5);
    if (count === 0) lines.push('');
    for (let r = 0; r < count; r++) lines.push(repetitionText(obx, 5, r));
  }
  return lines.join('\n');
}

/** TXA-4 activity date (what the note is about), else TXA-6 origination, else the message time. */
function documentDate(txa: Hl7Segment, message: Hl7Message): string | null {
  for (const text of [value(txa, 4), value(txa, 6), value(message.header, 7)]) {
    const iso = hl7Date(text);
    if (iso) return iso;
  }
  return null;
}

/** TXA-5 primary activity provider, else TXA-9 originator, else TXA-22 authenticator. */
function author(txa: Hl7Segment): string {
  return providerName(txa, 5) || providerName(txa, 9) || providerName(txa, 22) || 'Not given';
}

export function readMdm(message: Hl7Message, options: ReadOptions): MdmResult {
  const txa = message.getSegment('TXA');
  if (!txa) return { ok: false, reason: 'No TXA segment' };
  const visit = visitId(message);
  if (!visit) return { ok: false, reason: NO_VISIT_NUMBER };
  const sourceId = value(txa, 12);
  if (!sourceId) return { ok: false, reason: 'No unique document number (TXA-12)' };
  const date = documentDate(txa, message);
  if (!date) return { ok: false, reason: 'No readable document date (TXA-4, TXA-6 or MSH-7)' };
  const obxs = message.getAllSegments('OBX');
  if (obxs.length === 0) return { ok: false, reason: 'No OBX segment: the document has no content' };
  const { kind, title } = documentKind(value(txa, 2), value(txa, 2, 2));
  const base = { sourceId, kind, title, author: author(txa), date };
  const isEd = (s: Hl7Segment) => value(s, 2).toUpperCase() === 'ED';
  const encapsulated = obxs.filter(isEd);
  const textObxs = obxs.filter((s) => !isEd(s));
  const text = textObxs.length > 0 ? documentText(textObxs) : '';
  const asText = (sourceId: string): IncomingDocument => ({ ...base, sourceId, contentType: 'text/plain', text, data: null });
  if (encapsulated.length === 0) return { ok: true, chartSourceKey: visit.key, documents: [asText(sourceId)] };
  const attachment = edAttachment(encapsulated, options.maxAttachmentBytes);
  if (!attachment.ok) return attachment;
  const isText = attachment.contentType.startsWith('text/');
  const document: IncomingDocument = {
    ...base,
    contentType: attachment.contentType,
    text: isText ? Buffer.from(attachment.data).toString('utf8') : null,
    data: isText ? null : attachment.data,
  };
  const caption = text.trim() ? [asText(`${sourceId}#text`)] : [];
  return { ok: true, chartSourceKey: visit.key, documents: [document, ...caption] };
}
