/**
 * The team's unit weights, one set on the hub for every report it makes (a desktop's own weights
 * stay its own). Kept in hub_meta; a change is on the hub's audit trail in the same transaction.
 */
import { z } from 'zod';
import { SETTINGS } from '../../shared/domain';
import { DEFAULT_UNIT_WEIGHTS } from '../../shared/metrics';
import type { UnitWeights } from '../../shared/productivity';
import { hubAudit } from './audit';
import { inTransaction, type Db } from './db/pool';
import type { HubPrincipal } from './users';

const weight = z.number().min(0).max(10);
export const unitWeightsSchema = z.object({ inpatient: weight, outpatient_surgery: weight, emergency: weight, professional: weight }).strict();

export async function readHubWeights(db: Db): Promise<UnitWeights> {
  const kept = (await db.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'unit_weights'")).rows[0]?.value;
  if (!kept) return DEFAULT_UNIT_WEIGHTS;
  const parsed = unitWeightsSchema.safeParse(JSON.parse(kept));
  return parsed.success ? parsed.data : DEFAULT_UNIT_WEIGHTS;
}

export async function setHubWeights(db: Db, by: HubPrincipal, weights: UnitWeights): Promise<UnitWeights> {
  return inTransaction(db, async (tx) => {
    await tx.query("INSERT INTO hub_meta(key, value) VALUES ('unit_weights', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [JSON.stringify(weights)]);
    await hubAudit(tx, by, 'settings.unit_weights', null, Object.fromEntries(SETTINGS.map((s) => [s, weights[s]])));
    return weights;
  });
}
