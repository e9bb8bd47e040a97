/**
 * A query that starts with an operation asks for a procedure: on the real FY2026 ICD-10-CM and
 * ICD-10-PCS order files, the PCS code comes first and the diagnosis words in the query ("fracture",
 * "laceration") only say why, and the PCS Index's key reads anatomical names. A query that names a status or complication of a procedure still
 * gets the diagnosis. The queries are written for this test, not taken from the evaluation set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../../src/main/services/codesets/search';
import { CM_ORDER, PCS_INDEX, PCS_ORDER } from '../real-files';
import { sharedRealDb, type SharedDb } from '../shared-real-db';

let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([CM_ORDER, PCS_ORDER, PCS_INDEX]);
  db = shared.db;
}, 120_000);
afterAll(() => shared.close());

const first = (query: string) => searchCodes(db, { query, date: '2026-01-15', limit: 10 })[0];

describe('procedure intent on the real code sets', () => {
  it('puts the procedure first when the query starts with an operation, whatever diagnosis follows', () => {
    expect(first('closed reduction right ulna fracture')?.code).toBe('0PSKXZZ');
    expect(first('open reduction left tibia fracture with plate')?.code).toBe('0QSH04Z');
    expect(first('excisional debridement right thigh muscle, pressure ulcer')?.code).toMatch(/^0KBQ/);
  });

  it('reads an organ adjective as the body part procedure titles name (perineal → perineum)', () => {
    expect(first('repair perineal laceration')?.code).toMatch(/^0[HK]Q[9M]/);
  });

  it('codes the operation a scope leads to, not the inspection (guideline B3.11a)', () => {
    expect(first('bronchoscopy with BAL')?.code).toMatch(/^0B9[HKLM]8ZX$/);
    expect(first('colonoscopy with polypectomy')?.code).toMatch(/^0DB/);
  });

  it('reads "with" a device as one procedure, and "with" a second operation as a pair', () => {
    expect(first('inguinal hernia repair with mesh right')?.code).toBe('0YU50JZ');
    const pair = searchCodes(db, { query: 'sigmoid colectomy with colostomy', date: '2026-01-15', limit: 10 }).slice(0, 2);
    expect(pair[0]?.code).toBe('0DTN0ZZ');
    expect(pair.map((h) => h.matchedBy?.kind)).toEqual(['pair', 'pair']);
  });

  it("reads the PCS Index's body part key: what the surgeon names is the value the title holds", () => {
    const hit = first('repair right ACL');
    expect(hit?.code).toMatch(/^0MQN/);
    expect(hit?.matchedBy).toEqual({ kind: 'synonym', text: 'acl: knee bursa and ligament' });
    expect(first('excision of left calcaneus')?.code).toMatch(/^0QBM/);
  });

  it('keeps the diagnosis for a status or complication of a procedure', () => {
    expect(first('s/p left TKA')?.code).toBe('Z96.652');
    expect(first('infected left TKA')?.system).toBe('icd10cm');
  });
});
