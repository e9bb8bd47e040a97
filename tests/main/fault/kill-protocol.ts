/**
 * What the kill test's parent and child say to each other. The parent writes a plan (where
 * the workspace is, which charts can still change and their answer codings); the child
 * prints `ready` once it starts, then one `ack {json}` line per write that callApi
 * acknowledged, and `nack {json}` for a write it refused (none is expected: the child's
 * model of the charts is exact).
 */
import type { ChartStatus, Coding } from '../../../src/shared/domain';

export interface PlanChart {
  id: string;
  status: Exclude<ChartStatus, 'submitted'>;
  documents: string[];
  /** A coding that validates without errors: saved before a submit. */
  answer: Coding;
}

export interface ChildPlan {
  home: string;
  resourcesDir: string;
  profileId: string;
  passphrase: string;
  /** The profile's scrypt cost, so the child's unlocks cost what the parent's do. */
  scrypt: { N: number; r: number; p: number };
  seed: number;
  charts: PlanChart[];
}

export type Ack =
  | { kind: 'coding.save'; chartId: string; revision: number }
  | { kind: 'charts.submit'; chartId: string; submitted: boolean }
  | { kind: 'charts.hold'; chartId: string; reason: string }
  | { kind: 'charts.release'; chartId: string }
  | { kind: 'charts.get'; chartId: string }
  | { kind: 'documents.get'; chartId: string; documentId: string }
  | { kind: 'demo.load' }
  | { kind: 'session.lock' }
  | { kind: 'session.unlock' };

export type AckKind = Ack['kind'];

export interface Nack {
  kind: AckKind;
  code: string;
  message: string;
}

export const READY = 'ready';

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Codes in order with what the audit diff looks at: equal keys mean a save would change nothing. */
export function codingKey(c: Coding): string {
  const dx = c.diagnoses.map((d) => `${d.code}:${d.poa ?? ''}`);
  const px = c.procedures.map((p) => `${p.system}:${p.code}:${p.modifiers.join('-')}:${p.units}`);
  return `${dx.join('|')}#${px.join('|')}`;
}
