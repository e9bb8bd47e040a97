/**
 * Encrypted export files: a passphrase chosen at export time, scrypt, AES-256-GCM (node:crypto
 * only). A passphrase, not a key pair, because the reader is usually a billing or HIM system
 * with no CodeDesk profile: it needs one secret handed over out of band, and the format below
 * is small enough to open with any scrypt + AES-GCM library (`codedesk results decrypt` does).
 *
 * Layout (all integers unsigned):
 *   0  8  magic "CDEXPORT"
 *   8  1  format version (1)
 *   9  1  scrypt log2(N)     10 1 scrypt r     11 1 scrypt p
 *  12 16  salt
 *  28 12  AES-GCM nonce
 *  40  …  ciphertext, then the 16-byte GCM tag
 * The 40 header bytes are the GCM additional data, so a changed parameter fails like a changed
 * byte of content. N = 2^17 (128 MiB, ~0.5 s): stronger than the unlock's 2^16, since an export
 * file travels and can be attacked offline for as long as anyone keeps a copy.
 */
import crypto from 'node:crypto';
import { AppFailure, ErrorCode } from '../../../../shared/result';
import { derivePassphraseKey, isValidScryptParams, type ScryptParams } from '../../vault/kdf';

const MAGIC = Buffer.from('CDEXPORT', 'ascii');
const VERSION = 1;
const HEADER_BYTES = 40;
const TAG_BYTES = 16;
export const EXPORT_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

export const isSealed = (bytes: Uint8Array): boolean => bytes.length >= MAGIC.length && MAGIC.equals(Buffer.from(bytes.subarray(0, MAGIC.length)));

/**
 * Derives the key first (async, off the main thread, ~0.5 s) so the encryption itself can run
 * inside the export's database transaction, which is synchronous. wipe() when done.
 */
export interface Sealer {
  seal(plain: Buffer): Buffer;
  wipe(): void;
}

export async function sealer(passphrase: string, params: ScryptParams = EXPORT_SCRYPT): Promise<Sealer> {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 8);
  header.writeUInt8(Math.log2(params.N), 9);
  header.writeUInt8(params.r, 10);
  header.writeUInt8(params.p, 11);
  crypto.randomBytes(16).copy(header, 12);
  const key = await derivePassphraseKey(passphrase, header.subarray(12, 28), params);
  return {
    seal(plain) {
      // A fresh nonce for every file sealed with this key.
      const nonce = crypto.randomBytes(12);
      const head = Buffer.from(header);
      nonce.copy(head, 28);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(head);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([head, body, cipher.getAuthTag()]);
    },
    wipe: () => key.fill(0),
  };
}

export async function seal(plain: Buffer, passphrase: string, params: ScryptParams = EXPORT_SCRYPT): Promise<Buffer> {
  const s = await sealer(passphrase, params);
  try {
    return s.seal(plain);
  } finally {
    s.wipe();
  }
}

export async function open(file: Buffer, passphrase: string): Promise<Buffer> {
  if (!isSealed(file)) throw new AppFailure(ErrorCode.BadInput, 'This is not an encrypted CodeDesk export.');
  if (file.length < HEADER_BYTES + TAG_BYTES) throw new AppFailure(ErrorCode.BadInput, 'The export file is cut short; it cannot be opened.');
  if (file.readUInt8(8) !== VERSION) throw new AppFailure(ErrorCode.BadInput, 'The export file was written by a newer CodeDesk; update to open it.');
  const header = file.subarray(0, HEADER_BYTES);
  const log2N = file.readUInt8(9);
  const params = { N: 2 ** log2N, r: file.readUInt8(10), p: file.readUInt8(11) };
  // Bounded before use, so a doctored header cannot make scrypt take gigabytes.
  if (log2N > 22 || !isValidScryptParams(params)) throw new AppFailure(ErrorCode.BadInput, 'The export file is damaged; it cannot be opened.');
  const key = await derivePassphraseKey(passphrase, Buffer.from(header.subarray(12, 28)), params);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, header.subarray(28, 40));
    decipher.setAAD(header);
    decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
    return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES, file.length - TAG_BYTES)), decipher.final()]);
  } catch {
    // GCM cannot tell the two apart, and saying which would help an attacker anyway.
    throw new AppFailure(ErrorCode.WrongPassphrase, 'Wrong passphrase, or the file was changed after it was written.');
  } finally {
    key.fill(0);
  }
}
