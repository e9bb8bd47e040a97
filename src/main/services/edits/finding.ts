/** Building findings: one shape for every edit family. */
import type { Finding } from '../../../shared/claim';

export function finding(edit: string, severity: Finding['severity'], codes: readonly string[], message: string, source: string): Finding {
  return { edit, severity, codes: [...new Set(codes)], message, source };
}
