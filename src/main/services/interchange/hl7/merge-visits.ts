/**
 * The ADT messages of one file, folded per visit in file order (A01 → A08 → A03): each message
 * updates what the earlier ones said, and one chart comes out per visit with the final state.
 * File order is the order the interface sent them; MSH-7 times are not re-sorted.
 *
 * A visit still in house (no discharge yet) gets discharge = admit date: the chart can be worked
 * now, and the A03 that comes later (in this file or the next import) sets the real date.
 */
import type { ChartSetting } from '../../../../shared/domain';
import type { IncomingChart, IncomingHint, IncomingItem } from '../incoming';
import type { VisitUpdate } from './read-adt';
import type { VisitId } from './visit-key';
import { yearsBetween } from './values';

type Fields = Omit<VisitUpdate, 'visit' | 'line' | 'conditions' | 'procedures'>;

interface VisitState {
  visit: VisitId;
  firstLine: number;
  messages: number;
  fields: Fields;
  conditions: IncomingHint[];
  procedures: IncomingHint[];
}

const FIELD_NAMES: readonly (keyof Fields)[] = [
  'patientName',
  'mrn',
  'birthDate',
  'sex',
  'setting',
  'admitDate',
  'dischargeDate',
  'attending',
  'location',
  'facility',
  'payer',
];

export class VisitMerger {
  private readonly visits = new Map<string, VisitState>();

  apply(update: VisitUpdate): void {
    let state = this.visits.get(update.visit.key);
    if (!state) {
      state = { visit: update.visit, firstLine: update.line, messages: 0, fields: {} as Fields, conditions: [], procedures: [] };
      this.visits.set(update.visit.key, state);
    }
    state.messages += 1;
    for (const name of FIELD_NAMES) {
      const next = update[name];
      // undefined = not sent: keep; null = `""`: clear.
      if (next !== undefined) (state.fields as Record<string, unknown>)[name] = next;
    }
    if (update.conditions) state.conditions = update.conditions;
    if (update.procedures) state.procedures = update.procedures;
  }

  /** One chart (or one refusal) per visit, in the order the visits first appeared. */
  *items(file: string): Generator<IncomingItem> {
    for (const state of this.visits.values()) {
      const built = buildChart(state);
      yield typeof built === 'string'
        ? { type: 'refused', refusal: { file, line: state.firstLine, reason: built } }
        : { type: 'chart', chart: built };
    }
  }
}

function buildChart(state: VisitState): IncomingChart | string {
  const f = state.fields;
  const missing = [
    !f.patientName && 'patient name (PID-5)',
    !f.birthDate && 'birth date (PID-7)',
    !f.setting && 'patient class (PV1-2)',
    !f.admitDate && 'admit date (PV1-44)',
  ].filter((m): m is string => Boolean(m));
  const from = state.messages === 1 ? 'its ADT message' : `its ${state.messages} ADT messages`;
  if (missing.length > 0) return `The visit lacks ${missing.join(', ')} in ${from}`;
  const admitDate = f.admitDate!;
  const dischargeDate = f.dischargeDate ?? admitDate;
  if (dischargeDate < admitDate) return `The discharge date (PV1-45) is before the admit date (PV1-44) in ${from}`;
  const age = yearsBetween(f.birthDate!, admitDate);
  if (age < 0) return `The birth date (PID-7) is after the admit date (PV1-44) in ${from}`;
  return {
    sourceKey: state.visit.key,
    format: 'hl7v2',
    sourceRef: state.visit.number,
    accountNumber: state.visit.number,
    patient: { name: f.patientName!, ref: f.mrn ?? null, ageAtEncounter: age, sex: f.sex ?? 'U' },
    setting: f.setting as ChartSetting,
    admitDate,
    dischargeDate,
    payer: f.payer ?? 'Not given',
    facility: f.facility ?? (state.visit.sendingFacility || null),
    attending: f.attending ?? null,
    location: f.location ?? null,
    hints: [...state.conditions, ...state.procedures],
    documents: [],
  };
}
