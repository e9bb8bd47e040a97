/** Every edit family the claim checker runs, in the order findings are listed. */
import { aocEdits } from './aoc';
import type { EditFamily } from './context';
import { coverageEdits } from './coverage';
import { mceEdits } from './mce';
import { mueEdits } from './mue';
import { pointerEdits } from './pointers';
import { poaEdits } from './poa';
import { ptpEdits } from './ptp';
import { tabularEdits } from './tabular';
import { validityEdits } from './validity';

export const EDIT_FAMILIES: readonly { name: string; run: EditFamily }[] = [
  { name: 'validity', run: validityEdits },
  { name: 'tabular', run: tabularEdits },
  { name: 'mce', run: mceEdits },
  { name: 'poa', run: poaEdits },
  { name: 'pointers', run: pointerEdits },
  { name: 'ncci-ptp', run: ptpEdits },
  { name: 'ncci-mue', run: mueEdits },
  { name: 'ncci-aoc', run: aocEdits },
  { name: 'coverage', run: coverageEdits },
];
