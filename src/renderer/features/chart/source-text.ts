/** A waiting source change in words (PHI-free: field names and counts only). */
import type { PendingSourceChange } from '../../../shared/chart-import';

const FIELD_LABELS: Record<string, string> = {
  patientName: 'patient name',
  patientAge: 'age',
  patientSex: 'sex',
  setting: 'setting',
  admitDate: 'admit date',
  dischargeDate: 'discharge date',
  payer: 'payer',
  sourceRef: 'encounter reference',
  patientRef: 'patient reference',
  facility: 'facility',
  attending: 'attending',
  location: 'location',
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "discharge date, payer changed · hints changed · 1 document added" */
export function pendingText(p: PendingSourceChange): string {
  const parts: string[] = [];
  if (p.fields.length > 0) parts.push(`${p.fields.map((f) => FIELD_LABELS[f] ?? f).join(', ')} changed`);
  if (p.hintsChanged) parts.push('source conditions/procedures changed');
  if (p.documentsAdded > 0) parts.push(`${plural(p.documentsAdded, 'document')} added`);
  if (p.documentsChanged > 0) parts.push(`${plural(p.documentsChanged, 'document')} changed`);
  return parts.join(' · ') || 'the source sent the chart again';
}
