/**
 * The audit trail's two keys, derived from the workspace key (HKDF-SHA256, distinct labels):
 * one keys the entry chain (HMAC), one authenticates the sealed head kept outside the
 * database. Without the workspace key neither the chain nor the seal can be recomputed.
 */
import crypto from 'node:crypto';

export interface AuditKeys {
  chain: Buffer;
  seal: Buffer;
}

const derive = (workspaceKey: Buffer, label: string): Buffer =>
  Buffer.from(crypto.hkdfSync('sha256', workspaceKey, Buffer.alloc(0), label, 32));

export function deriveAuditKeys(workspaceKey: Buffer): AuditKeys {
  return {
    chain: derive(workspaceKey, 'codedesk audit chain v1'),
    seal: derive(workspaceKey, 'codedesk audit head seal v1'),
  };
}

export function wipeAuditKeys(keys: AuditKeys): void {
  keys.chain.fill(0);
  keys.seal.fill(0);
}
