/** Row mapping between the charts table and the shared ChartRow type. */
import type { ChartRow } from '../../../shared/domain';

export interface ChartRecord {
  id: string;
  patient_name: string;
  patient_age: number;
  patient_sex: ChartRow['patientSex'];
  setting: ChartRow['setting'];
  admit_date: string;
  discharge_date: string;
  payer: string;
  priority: number;
  due_date: string;
  status: ChartRow['status'];
  assignee: string;
  hold_reason: string | null;
  hold_note: string | null;
  updated_at: string;
  version: number;
}

export const CHART_ROW_COLUMNS =
  'id, patient_age, patient_sex, setting, admit_date, discharge_date, payer, priority, due_date, status, assignee, version';

export function toChartRow(r: Pick<ChartRecord, 'id' | 'patient_age' | 'patient_sex' | 'setting' | 'admit_date' | 'discharge_date' | 'payer' | 'priority' | 'due_date' | 'status' | 'assignee' | 'version'>): ChartRow {
  return {
    id: r.id,
    patientAge: r.patient_age,
    patientSex: r.patient_sex,
    setting: r.setting,
    admitDate: r.admit_date,
    dischargeDate: r.discharge_date,
    payer: r.payer,
    priority: r.priority,
    dueDate: r.due_date,
    status: r.status,
    assignee: r.assignee,
    version: r.version,
  };
}
