/**
 * An Attachment's content: inline base64 `data`, or a `url` to a Binary or a file inside the
 * same export. text/* is decoded to text by its charset; everything else stays bytes (a PDF, an
 * image, a type nobody knows): kept, never dropped. An attachment over the size limit is refused.
 */
import { obj, str, type Json } from './json';

export interface AttachmentContent {
  contentType: string;
  text: string | null;
  data: Uint8Array | null;
}

/** Where a `url` attachment is looked up: the bundle's or export's Binaries and files. */
export interface AttachmentLookup {
  /** A Binary resource named by `Binary/<id>`, an absolute URL ending in it, or a bundle fullUrl. */
  binary(url: string): Promise<Json | null>;
  /** A file named by a relative path, relative to the NDJSON file `from`; null when absent or not allowed. */
  file(relativePath: string, from: string, maxBytes: number): Promise<Buffer | 'too-large' | null>;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
const tooLarge = (bytes: number | null, max: number) =>
  `the attachment${bytes === null ? '' : ` (${sizeText(bytes)})`} is over the ${sizeText(max)} limit`;

function decodedLength(base64: string): number {
  const clean = base64.length - (base64.match(/\s/g)?.length ?? 0);
  const padding = base64.trimEnd().endsWith('==') ? 2 : base64.trimEnd().endsWith('=') ? 1 : 0;
  return Math.floor((clean * 3) / 4) - padding;
}

function fromBase64(value: string, max: number): Buffer | string {
  const size = decodedLength(value);
  if (size > max) return tooLarge(size, max);
  if (!BASE64.test(value)) return 'the attachment data is not base64';
  return Buffer.from(value, 'base64');
}

/** 'text/plain; charset=ISO-8859-1' → type 'text/plain', charset 'iso-8859-1'. */
export function parseContentType(value: string | null): { type: string; charset: string | null } {
  if (!value) return { type: 'application/octet-stream', charset: null };
  const [type, ...params] = value.split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
  return {
    type: (type ?? '').trim().toLowerCase() || 'application/octet-stream',
    charset: charset ? charset.slice('charset='.length).replace(/^"|"$/g, '') : null,
  };
}

/** Labels that WHATWG (and every EHR that writes them) means as windows-1252. */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);
/** windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €…); undefined bytes stay as their C1 code. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node's TextDecoder reads windows-1252 as plain latin-1 (curly quotes become control codes), so it is decoded here. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Text in its charset (UTF-8 unless named); null when the charset is one no decoder knows. */
export function decodeText(bytes: Uint8Array, charset: string | null): string | null {
  if (charset && WINDOWS_1252_LABELS.has(charset)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return null;
  }
}

async function bytesOf(attachment: Json, from: string, max: number, lookup: AttachmentLookup): Promise<{ bytes: Buffer; binaryType: string | null } | string> {
  const data = str(attachment.data);
  if (data) {
    const decoded = fromBase64(data, max);
    return typeof decoded === 'string' ? decoded : { bytes: decoded, binaryType: null };
  }
  const url = str(attachment.url);
  if (!url) return 'the attachment has neither data nor a url';
  const binary = await lookup.binary(url);
  if (binary) {
    const binaryData = str(binary.data);
    if (!binaryData) return 'the Binary the attachment points at has no data';
    const decoded = fromBase64(binaryData, max);
    return typeof decoded === 'string' ? decoded : { bytes: decoded, binaryType: str(binary.contentType) };
  }
  if (url.startsWith('urn:') || url.startsWith('Binary/')) return 'the attachment points at a Binary that is not in this export';
  if (SCHEME.test(url) || url.startsWith('/')) return 'the attachment url points outside this export (only attachments inside it are read)';
  const file = await lookup.file(url, from, max);
  if (file === 'too-large') return tooLarge(null, max);
  if (!file) return 'the attachment url names a file that is not in this export';
  return { bytes: file, binaryType: null };
}

/** The content of one attachment, or the reason it is refused. */
export async function attachmentContent(value: unknown, from: string, maxBytes: number, lookup: AttachmentLookup): Promise<AttachmentContent | string> {
  const attachment = obj(value);
  if (!attachment) return 'the attachment is missing';
  const got = await bytesOf(attachment, from, maxBytes, lookup);
  if (typeof got === 'string') return got;
  const { type, charset } = parseContentType(str(attachment.contentType) ?? got.binaryType);
  if (type.startsWith('text/')) {
    const text = decodeText(got.bytes, charset);
    if (text !== null) return { contentType: type, text, data: null };
  }
  // A Buffer is a Uint8Array that SQLite binds as a BLOB as it is.
  return { contentType: type, text: null, data: got.bytes };
}
