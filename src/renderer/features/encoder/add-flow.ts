/**
 * Adding a code from anywhere (picker, detail, tree, tables, PCS builder). A billable code goes
 * straight in. An ICD-10-CM code that is not billable may only lack its 7th character: its
 * category's definitions open the chooser, and the chosen character (after placeholder X)
 * gives the full code, looked up before it is added so an invalid combination never goes in.
 * A code not in force on the date (terminated, or starting later) never goes in.
 */
import { create } from 'zustand';
import type { CodeHit, Coding } from '../../../shared/domain';
import type { SevenChrDef } from '../../../shared/encoder';
import { call } from '../../lib/api';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { useCoding } from '../coding/coding-store';
import { usePicker } from '../coding/picker-store';
import { useTitles } from '../coding/titles-store';
import { notInForceReason } from '../coding/hit-status';
import { useDetail } from './detail-store';
import { needsSeventh, withSeventh } from './seventh-char';

export interface SeventhPending {
  hit: CodeHit;
  definitions: SevenChrDef[];
  /** Where the definitions are written (category or subcategory). */
  from: string;
}

interface AddFlowState {
  seventh: SeventhPending | null;
  /** The last outcome, for the dialog that started the add ("Added S72.001A."). */
  message: string | null;
}

export const useAddFlow = create<AddFlowState>()(() => ({ seventh: null, message: null }));

/** The code the standing "Added X." reports, with that notice's text. */
let added: { hit: CodeHit; message: string } | null = null;

function say(message: string, addedHit?: CodeHit): void {
  added = addedHit ? { hit: addedHit, message } : null;
  useAddFlow.setState({ message });
  usePicker.getState().setMessage(message);
}

const isCoded = (coding: Coding, hit: CodeHit): boolean =>
  hit.system === 'icd10cm'
    ? coding.diagnoses.some((d) => d.code === hit.code)
    : coding.procedures.some((p) => p.system === hit.system && p.code === hit.code);

// "Added X." is true only while X is coded: removing X (or a reload without it) takes it away.
useCoding.subscribe((state) => {
  if (!added || isCoded(state.coding, added.hit)) return;
  const { message } = added;
  added = null;
  if (useAddFlow.getState().message === message) useAddFlow.setState({ message: null });
  if (usePicker.getState().message === message) usePicker.getState().setMessage(null);
});

/** Adds a billable hit now; returns true when it went in. */
export function addNow(hit: CodeHit): boolean {
  const problem = notInForceReason(hit) ?? useCoding.getState().addCode(hit);
  if (problem) {
    say(problem);
    return false;
  }
  useTitles.getState().remember(hit);
  usePicker.getState().clear();
  say(`Added ${hit.code}.`, hit);
  return true;
}

/** Adds `hit`, asking for a 7th character first when its category defines them. */
export async function requestAdd(hit: CodeHit): Promise<void> {
  if (hit.billable || hit.system !== 'icd10cm' || notInForceReason(hit)) {
    addNow(hit);
    return;
  }
  const outcome = await useDetail.getState().fetch({ system: hit.system, code: hit.code });
  if ('detail' in outcome && needsSeventh(hit.code, outcome.detail) && outcome.detail.sevenChr) {
    useAddFlow.setState({ seventh: { hit, definitions: outcome.detail.sevenChr.definitions, from: outcome.detail.sevenChr.from }, message: null });
    return;
  }
  addNow(hit); // refused with the header message
}

/** The coder chose `char` in the chooser: look the full code up, then add it. */
export async function chooseSeventh(char: string): Promise<void> {
  const pending = useAddFlow.getState().seventh;
  if (!pending) return;
  const code = withSeventh(pending.hit.code, char);
  const found = await findExact(code);
  useAddFlow.setState({ seventh: null });
  if (!found) {
    say(`${code} is not a valid code for this date. Choose another 7th character or a more specific code.`);
    return;
  }
  addNow(found);
}

export function cancelSeventh(): void {
  useAddFlow.setState({ seventh: null });
}

/** Looks a code up by its exact form in the version in force on the chart's date. */
export async function findExact(code: string, system: CodeHit['system'] = 'icd10cm'): Promise<CodeHit | null> {
  const date = usePicker.getState().date;
  const result = await call('codes.search', { query: code, system, limit: 5, ...(date ? { date } : {}) });
  if (!result.ok) return null;
  const wanted = code.replace('.', '').toUpperCase();
  return result.value.results.find((h) => h.system === system && h.code.replace('.', '').toUpperCase() === wanted) ?? null;
}

/** Adds a code known only by its text (a table cell): looked up, then through requestAdd. */
export async function addByCode(code: string, system: CodeHit['system'] = 'icd10cm'): Promise<void> {
  const hit = await findExact(code, system);
  if (!hit) {
    say(`${code} is not in the code set for this date.`);
    return;
  }
  await requestAdd(hit);
}

const reset = () => {
  added = null;
  useAddFlow.setState({ seventh: null, message: null });
};
registerStoreReset(reset, { holdsPhi: true });
registerChartReset(reset);
