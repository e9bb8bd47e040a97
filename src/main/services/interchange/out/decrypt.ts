/** Opening an encrypted export (`codedesk results decrypt`): checked whole before a byte is written. */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure, ErrorCode } from '../../../../shared/result';
import { checkTarget, discard, publish, writeTemp } from './export-file';
import { open } from './sealed-file';

/** Larger than any export CodeDesk writes (10,000 claims are ~40 MB); refuses before reading it all. */
const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

export async function decryptExport(source: string, target: string, passphrase: string): Promise<{ path: string; bytes: number }> {
  if (!path.isAbsolute(source)) throw new AppFailure(ErrorCode.BadInput, 'Give the encrypted export’s full path.');
  let size: number;
  try {
    size = fs.statSync(source).size;
  } catch {
    throw new AppFailure(ErrorCode.NotFound, 'The encrypted export cannot be read.');
  }
  if (size > MAX_EXPORT_BYTES) throw new AppFailure(ErrorCode.BadInput, 'The file is larger than any CodeDesk export; it is not one.');
  const out = checkTarget(target);
  const plain = await open(fs.readFileSync(source), passphrase);
  let temp: string | null = writeTemp(out, plain);
  try {
    publish(temp, out);
    temp = null;
  } finally {
    discard(temp);
  }
  return { path: out, bytes: plain.length };
}
