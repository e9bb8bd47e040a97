/** The encoder (Tabular notes, browsing, PCS builder, index tables, changes) and claim checks. */
import { checkClaim } from '../services/edits/check';
import { summariseChanges } from '../services/codesets/code-changes/summary';
import { searchIndexTable } from '../services/codesets/alphabetic-index/table-search';
import { pcsBuild } from '../services/codesets/pcs/build';
import { browseTabular } from '../services/codesets/tabular/browse';
import { showCode } from '../services/codesets/tabular/show';
import type { HandlerTable } from './types';

type EncoderMethods = 'codes.show' | 'codes.browse' | 'codes.pcsBuild' | 'codes.tableSearch' | 'codes.changes' | 'claim.check';

export const encoderHandlers: HandlerTable<EncoderMethods> = {
  'codes.show': (input, app) => showCode(app.content(), input),
  'codes.browse': (input, app) => browseTabular(app.content(), input),
  'codes.pcsBuild': (input, app) => pcsBuild(app.content(), input),
  'codes.tableSearch': (input, app) => searchIndexTable(app.content(), input),
  'codes.changes': (input, app) => summariseChanges(app.content(), input),
  'claim.check': (input, app) => ({ findings: checkClaim(app.content(), input) }),
};
