/** One Encounter → one chart, or the reason it cannot be one (PHI-free: ids and codes only). */
import type { IncomingChart, IncomingHint, ReadOptions } from '../incoming';
import { ageInYears, localDate } from './dates';
import type { ExportIndex, HeldEncounter } from './export-index';
import { arr, codings, label, obj, str, type Json } from './json';
import { patientName, referenceName } from './names';
import { payerOn } from './payer';
import { PRE_R4_REASON, preR4Sign } from './pre-r4';
import { ENCOUNTER_CLASS_SETTINGS } from './tables';

export type ChartOutcome = { chart: IncomingChart } | { reason: string };

const ACCOUNT_NUMBER = /^[A-Za-z0-9._-]{1,24}$/;

const SEX: Readonly<Record<string, 'F' | 'M'>> = { female: 'F', male: 'M' };

/** The attending: participant typed ATND, then PPRF, else the first with an individual. */
function attendingOf(encounter: Json): unknown {
  const participants = arr(encounter.participant).map(obj).filter((p): p is Json => p !== null && obj(p.individual) !== null);
  const typed = (code: string) => participants.find((p) => arr(p.type).some((t) => codings(t).some((c) => c.code === code)));
  return (typed('ATND') ?? typed('PPRF') ?? participants[0])?.individual;
}

function accountNumberOf(encounter: Json): string | null {
  for (const identifier of arr(encounter.identifier)) {
    const value = str(obj(identifier)?.value);
    if (value && ACCOUNT_NUMBER.test(value)) return value;
  }
  return null;
}

function reasonHints(encounter: Json): IncomingHint[] {
  return arr(encounter.reasonCode).flatMap((concept) => {
    const coding = codings(concept).find((c) => c.code);
    return coding ? [{ kind: 'reason' as const, system: coding.system, code: coding.code, display: coding.display }] : [];
  });
}

/** One line per kind and code: a condition recorded twice for the same visit is one hint. */
function distinct(hints: IncomingHint[]): IncomingHint[] {
  const seen = new Set<string>();
  return hints.filter((h) => {
    const key = `${h.kind}|${h.system}|${h.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function encounterChart(held: HeldEncounter, index: ExportIndex, options: ReadOptions): ChartOutcome {
  const encounter = held.resource;
  const name = label(encounter);
  const sign = preR4Sign(encounter);
  if (sign) return { reason: `${name} ${PRE_R4_REASON} (${sign})` };
  const id = str(encounter.id);
  if (!id) return { reason: 'an Encounter without an id cannot become a chart (nothing stable to key it by)' };

  const classCode = str(obj(encounter.class)?.code);
  if (!classCode) return { reason: `${name} has no class, so its setting is unknown` };
  const mapped = ENCOUNTER_CLASS_SETTINGS[classCode];
  if (!mapped) return { reason: `${name} has class '${classCode}', which CodeDesk does not code (inpatient, ambulatory, emergency, observation, short stay, home health and virtual are read)` };

  const period = obj(encounter.period);
  const admitDate = localDate(period?.start);
  if (!admitDate) return { reason: `${name} has no valid period.start (a full date is needed)` };
  const dischargeDate = period && period.end !== undefined ? localDate(period.end) : admitDate;
  if (!dischargeDate) return { reason: `${name} has a period.end that is not a valid date` };
  if (dischargeDate < admitDate) return { reason: `${name} has a period that ends before it starts` };

  const patient = index.resources.resolve(encounter.subject);
  if (!patient || patient.resourceType !== 'Patient') return { reason: `${name}: its patient is not in this export (dangling subject reference)` };
  const birthDate = localDate(patient.birthDate);
  if (!birthDate) return { reason: `${name}: its patient has no full birthDate, so the age at the encounter is unknown` };
  const age = ageInYears(birthDate, admitDate);
  if (age < 0) return { reason: `${name} starts before its patient's birthDate` };

  return {
    chart: {
      sourceKey: `fhir:Encounter/${id}`,
      format: 'fhir',
      sourceRef: `Encounter/${id}`,
      accountNumber: accountNumberOf(encounter),
      patient: {
        name: patientName(patient),
        ref: label(patient),
        ageAtEncounter: age,
        sex: SEX[str(patient.gender) ?? ''] ?? 'U',
      },
      setting: mapped === 'ambulatory' ? options.ambulatorySetting : mapped,
      admitDate,
      dischargeDate,
      payer: payerOn(index.coveragesOf(patient), admitDate, index.resources),
      facility: referenceName(encounter.serviceProvider, index.resources),
      attending: referenceName(attendingOf(encounter), index.resources),
      location: referenceName(obj(arr(encounter.location)[0])?.location, index.resources),
      hints: distinct([...reasonHints(encounter), ...index.hintsFor(held)]),
      documents: [],
    },
  };
}
