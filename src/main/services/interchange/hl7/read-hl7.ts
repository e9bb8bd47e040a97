/**
 * HL7 v2 in: a file (or a folder of files) of ADT^A01/A03/A04/A08 and MDM^T02 messages → items.
 * Messages are parsed by @medplum/core's Hl7Message. Per file: one chart per visit with the
 * ADT messages merged (merge-visits.ts), then the documents, in file order. A message that cannot
 * be read is refused on its own (file, line of its MSH, reason) and the rest of the file goes on;
 * a file with no MSH at all is not HL7 and fails the import, naming the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../../shared/result';
import type { IncomingItem, IncomingReader, ReadOptions } from '../incoming';
import { decodeHl7Text, hl7FolderFiles } from './hl7-files';
import { parseMessage } from './parse-message';
import { ADT_EVENTS, readAdt, type AdtEvent } from './read-adt';
import { readMdm } from './read-mdm';
import { VisitMerger } from './merge-visits';
import { holdsMsh, splitMessages } from './split-messages';

const isAdtEvent = (event: string | undefined): event is AdtEvent => (ADT_EVENTS as readonly string[]).includes(event ?? '');

async function* readFile(file: string, options: ReadOptions): IncomingReader {
  const messages = splitMessages(decodeHl7Text(await fs.promises.readFile(file)));
  if (!holdsMsh(messages)) {
    throw new AppFailure('IMPORT_FAILED', `${path.basename(file)} holds no HL7 v2 message (no MSH segment).`, { file });
  }
  const visits = new VisitMerger();
  // Documents and refusals follow the file's charts, so the ingest meets a chart before its notes.
  const after: IncomingItem[] = [];
  const refuse = (line: number, reason: string) => after.push({ type: 'refused', refusal: { file, line, reason } });
  for (const raw of messages) {
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      refuse(raw.line, parsed.reason);
      continue;
    }
    const [code, event] = parsed.type.split('^');
    if (code === 'ADT' && isAdtEvent(event)) {
      const adt = readAdt(parsed.message, event, raw.line, options);
      if (adt.ok) visits.apply(adt.update);
      else refuse(raw.line, `${parsed.type}: ${adt.reason}`);
    } else if (parsed.type === 'MDM^T02') {
      const mdm = readMdm(parsed.message, options);
      if (!mdm.ok) refuse(raw.line, `${parsed.type}: ${mdm.reason}`);
      else for (const document of mdm.documents) after.push({ type: 'document', chartSourceKey: mdm.chartSourceKey, document, file, line: raw.line });
    } else {
      refuse(raw.line, `${parsed.type} is not read (ADT A01, A03, A04, A08 and MDM^T02 are)`);
    }
  }
  yield* visits.items(file);
  yield* after;
}

export async function* readHl7(source: string, options: ReadOptions): IncomingReader {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat) throw new AppFailure('NOT_FOUND', `${path.basename(source)} does not exist.`, { file: source });
  const files = stat.isDirectory() ? hl7FolderFiles(source) : [source];
  if (files.length === 0) {
    throw new AppFailure('IMPORT_FAILED', `${path.basename(source)} holds no HL7 v2 files.`, { file: source });
  }
  for (const file of files) yield* readFile(file, options);
}
