/**
 * The files behind an HL7 path, and their text. A folder import reads the folder's own files in
 * name order (not subfolders, not hidden files such as .DS_Store).
 *
 * detect.ts (owned by the FHIR reader) calls a folder 'fhir-bulk-folder' when it holds .ndjson
 * files and refuses every other folder; `looksLikeHl7Folder` is here for it to answer 'hl7v2'.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

const HEAD_BYTES = 512;

export function hl7FolderFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(folder, e.name))
    .sort();
}

function startsLikeHl7(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    // A byte-order mark, whitespace, or an MLLP start block (0x0B) may come first.
    const text = buf.subarray(0, n).toString('latin1').replace(/^(?:\xef\xbb\xbf|[\s\x0b])+/, '');
    return /^(?:MSH|FHS|BHS)/.test(text);
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder of HL7 v2 files: at least one file, and every one starts with MSH, FHS or BHS. */
export function looksLikeHl7Folder(folder: string): boolean {
  const files = hl7FolderFiles(folder);
  return files.length > 0 && files.every(startsLikeHl7);
}

/** HL7 v2 files are UTF-8 or (older interfaces, MSH-18 8859/1) Latin-1: UTF-8 when it decodes. */
export function decodeHl7Text(bytes: Buffer): string {
  return bytes.toString(isUtf8(bytes) ? 'utf8' : 'latin1');
}
