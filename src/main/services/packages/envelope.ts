/**
 * The package file, node:crypto only:
 *
 *   "CDPKG\0\1\n" | u32 header length | header (JSON) | AES-256-GCM ciphertext | GCM tag (16) | Ed25519 signature (64)
 *
 * The body key is HKDF-SHA256 over an X25519 agreement between a fresh ephemeral key (its
 * public half is in the header) and the recipient's X25519 key, so only the recipient's
 * private key opens it. The header is the GCM additional data (it cannot be changed without
 * the tag failing) and the sender signs everything before the signature with Ed25519.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../../shared/result';
import { publicFromRaw, rawPublic, type ProfileKeys } from './keys';

const MAGIC = Buffer.from('CDPKG\0\u0001\n', 'latin1');
const TAG_BYTES = 16;
const SIG_BYTES = 64;
const MAX_HEADER_BYTES = 8 * 1024;

export const DAMAGED = 'This package file is damaged or was altered after it was made: nothing was changed. Ask for a new copy.';
export const refused = (message: string): AppFailure => new AppFailure('PACKAGE_REFUSED', message);

const key32 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const iv12 = z.string().regex(/^[A-Za-z0-9+/]{16}$/);
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
const profileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const headerSchema = z
  .object({
    format: z.literal('codedesk-package'),
    version: z.literal(1),
    kind: z.enum(['work', 'result']),
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    senderId: profileId,
    senderFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    recipientId: profileId,
    recipientFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: iso,
    expiresAt: iso,
    seq: z.number().int().min(1),
    ephemeralKey: key32,
    iv: iv12,
  })
  .strict();
export type PackageHeader = z.infer<typeof headerSchema>;
export type HeaderFields = Omit<PackageHeader, 'format' | 'version' | 'ephemeralKey' | 'iv'>;

function bodyKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer, packageId: string): Buffer {
  const salt = Buffer.concat([ephemeral, recipient]);
  return Buffer.from(crypto.hkdfSync('sha256', shared, salt, `codedesk package v1 ${packageId}`, 32));
}

/** Encrypts `body` to the recipient's X25519 key and signs the whole file with the sender's Ed25519 key. */
export function sealPackage(fields: HeaderFields, body: Buffer, sender: ProfileKeys, recipientX25519: Buffer): Buffer {
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicFromRaw('X25519', recipientX25519) });
  const key = bodyKey(shared, ephemeralRaw, recipientX25519, fields.packageId);
  const iv = crypto.randomBytes(12);
  const header: PackageHeader = { format: 'codedesk-package', version: 1, ...fields, ephemeralKey: ephemeralRaw.toString('base64'), iv: iv.toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.concat([MAGIC, length, headerBytes]));
  const ciphertext = Buffer.concat([cipher.update(body), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  shared.fill(0);
  const signed = Buffer.concat([MAGIC, length, headerBytes, ciphertext]);
  return Buffer.concat([signed, crypto.sign(null, signed, sender.ed25519Private)]);
}

export interface ParsedPackage {
  header: PackageHeader;
  /** Everything the signature covers. */
  signed: Buffer;
  aad: Buffer;
  ciphertext: Buffer;
  signature: Buffer;
}

/** Reads the frame and header; anything malformed or truncated is refused as damaged. */
export function parsePackage(file: Buffer): ParsedPackage {
  if (file.length < MAGIC.length + 4 + TAG_BYTES + SIG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw refused('This file is not a CodeDesk package, or it is cut short.');
  }
  const headerLength = file.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerLength > MAX_HEADER_BYTES || headerEnd + TAG_BYTES + SIG_BYTES > file.length) throw refused(DAMAGED);
  let header: PackageHeader;
  try {
    header = headerSchema.parse(JSON.parse(file.subarray(MAGIC.length + 4, headerEnd).toString('utf8')));
  } catch {
    throw refused(DAMAGED);
  }
  const signed = file.subarray(0, file.length - SIG_BYTES);
  return { header, signed, aad: file.subarray(0, headerEnd), ciphertext: file.subarray(headerEnd, signed.length), signature: file.subarray(signed.length) };
}

/** True when the sender's Ed25519 key signed these bytes. */
export function signatureHolds(parsed: ParsedPackage, senderEd25519: Buffer): boolean {
  try {
    return crypto.verify(null, parsed.signed, publicFromRaw('Ed25519', senderEd25519), parsed.signature);
  } catch {
    return false;
  }
}

/** The body, decrypted with the recipient's private key; a failed tag is refused as damaged. */
export function decryptBody(parsed: ParsedPackage, recipient: ProfileKeys): Buffer {
  const ephemeral = Buffer.from(parsed.header.ephemeralKey, 'base64');
  let shared: Buffer | null = null;
  let key: Buffer | null = null;
  try {
    shared = crypto.diffieHellman({ privateKey: recipient.x25519Private, publicKey: publicFromRaw('X25519', ephemeral) });
    key = bodyKey(shared, ephemeral, recipient.x25519Public, parsed.header.packageId);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(parsed.header.iv, 'base64'));
    decipher.setAAD(parsed.aad);
    decipher.setAuthTag(parsed.ciphertext.subarray(parsed.ciphertext.length - TAG_BYTES));
    return Buffer.concat([decipher.update(parsed.ciphertext.subarray(0, parsed.ciphertext.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw refused(DAMAGED);
  } finally {
    shared?.fill(0);
    key?.fill(0);
  }
}


