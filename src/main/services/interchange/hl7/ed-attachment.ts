/**
 * OBX segments of data type ED (encapsulated data: source^type^subtype^encoding^data) → one
 * attachment. Large documents are often split over several OBX; their data is joined in order
 * before decoding. The size limit is checked on the encoded length first, so a 100 MB attachment
 * is refused without ever being decoded.
 */
import type { Hl7Segment } from '@medplum/core';
import { rawComponent, safeCode, value } from './values';
import { decodeEscapes } from './escapes';

export type Attachment = { ok: true; contentType: string; data: Uint8Array } | { ok: false; reason: string };

// HL7 table 0191 (type of data) → the MIME top-level type.
const MEDIA_TYPES: Record<string, string> = {
  AP: 'application',
  APPLICATION: 'application',
  IM: 'image',
  IMAGE: 'image',
  AU: 'audio',
  AUDIO: 'audio',
  TEXT: 'text',
  TX: 'text',
  FT: 'text',
  VIDEO: 'video',
};

function contentType(type: string, subtype: string): string {
  const media = MEDIA_TYPES[type.toUpperCase()];
  const sub = subtype.toLowerCase();
  if (!media || !/^[a-z0-9.+-]+$/.test(sub)) return 'application/octet-stream';
  return `${media}/${sub}`;
}

const MB = 1024 * 1024;
const size = (bytes: number): string => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export function edAttachment(obxs: readonly Hl7Segment[], maxBytes: number): Attachment {
  const first = obxs[0]!;
  const encoding = value(first, 5, 4).toUpperCase();
  const data = obxs.map((s) => rawComponent(s, 5, 5)).join('');
  let bytes: Buffer;
  if (encoding === 'BASE64') {
    const b64 = data.replace(/\s+/g, '');
    const decodedSize = Math.floor((b64.length * 3) / 4);
    if (decodedSize > maxBytes) return { ok: false, reason: tooLarge(decodedSize, maxBytes) };
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return { ok: false, reason: 'The attachment (OBX-5) is not valid base64' };
    bytes = Buffer.from(b64, 'base64');
  } else if (encoding === 'HEX') {
    if (!/^(?:[0-9A-Fa-f]{2})*$/.test(data)) return { ok: false, reason: 'The attachment (OBX-5) is not valid hex' };
    if (data.length / 2 > maxBytes) return { ok: false, reason: tooLarge(data.length / 2, maxBytes) };
    bytes = Buffer.from(data, 'hex');
  } else if (encoding === 'A') {
    bytes = Buffer.from(decodeEscapes(data, first.context), 'utf8');
    if (bytes.length > maxBytes) return { ok: false, reason: tooLarge(bytes.length, maxBytes) };
  } else {
    return { ok: false, reason: `Attachment encoding ${safeCode(encoding)} (OBX-5.4) is not read (Base64, Hex and A are)` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'The attachment (OBX-5) is empty' };
  return { ok: true, contentType: contentType(value(first, 5, 2), value(first, 5, 3)), data: new Uint8Array(bytes) };
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `The attachment is ${size(bytes)}, over the ${size(maxBytes)} limit; its chart imports without it`;
}
