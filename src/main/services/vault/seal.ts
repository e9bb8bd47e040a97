/** AES-256-GCM sealing of a 32-byte workspace key under a 32-byte wrapping key. */
import crypto from 'node:crypto';
import { KEY_BYTES } from './kdf';

export interface Sealed {
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealKey(key: Buffer, wrappingKey: Buffer, aad: Buffer): Sealed {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The key, or null when the wrapping key (hence passphrase) is wrong or the wrap was altered. */
export function openSealedKey(sealed: Sealed, wrappingKey: Buffer, aad: Buffer): Buffer | null {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  const decipher = crypto.createDecipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const head = decipher.update(Buffer.from(sealed.ciphertext, 'base64'));
  let tail: Buffer;
  try {
    tail = decipher.final();
  } catch {
    head.fill(0);
    return null;
  }
  const key = Buffer.concat([head, tail]);
  head.fill(0);
  tail.fill(0);
  if (key.length !== KEY_BYTES) {
    key.fill(0);
    return null;
  }
  return key;
}
