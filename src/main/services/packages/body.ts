/**
 * What is inside a package, after decryption: gzip'd JSON, checked against a strict schema
 * before anything of it reaches the workspace.
 */
import zlib from 'node:zlib';
import { z } from 'zod';
import { CODE_SYSTEMS } from '../../../shared/domain';
import { auditWireSchema } from '../audits/audit-wire';
import { queryWireSchema } from '../queries/query-wire';
import { wireStateSchema } from './chart-state';
import { refused } from './envelope';
import { wireRow } from './rows-codec';

/** A 40-chart package is a few MB; this bounds what a (signed) body may inflate to. */
const MAX_BODY_BYTES = 1024 * 1024 * 1024;
const chartId = z.string().min(1).max(64);

export const PACKAGED_TABLES = ['charts', 'documents', 'chart_sources', 'chart_hints', 'codings', 'submissions', 'chart_reopens'] as const;

/** One chart as it travels (in a work package, or from the hub at check-out). */
export const chartEntrySchema = z
  .object({
    id: chartId,
    baseHash: z.string().regex(/^[0-9a-f]{64}$/),
    tables: z.object(Object.fromEntries(PACKAGED_TABLES.map((t) => [t, z.array(wireRow).max(10_000)])) as Record<(typeof PACKAGED_TABLES)[number], z.ZodArray<typeof wireRow>>).strict(),
  })
  .strict();

export const workBodySchema = z
  .object({
    kind: z.literal('work'),
    charts: z.array(chartEntrySchema).max(5000),
    codeSets: z.array(z.object({ system: z.enum(CODE_SYSTEMS), label: z.string().max(80), effectiveFrom: z.string().max(10), isDemo: z.boolean() }).strict()).max(100),
    // Committed audits of the recipient's charts, for them to answer (absent in packages made before audits).
    audits: z.array(auditWireSchema).max(5000).default([]),
    // The physician queries of these charts (absent in packages made before queries travelled).
    queries: z.array(queryWireSchema).max(50_000).default([]),
  })
  .strict()
  .refine((b) => b.charts.length > 0 || b.audits.length > 0);
export type WorkBody = z.infer<typeof workBodySchema>;
export type WorkBodyInput = z.input<typeof workBodySchema>;

export const activitySchema = z
  .object({
    seq: z.number().int().min(1),
    at: z.string().max(40),
    user_id: z.string().max(64),
    action: z.string().max(64),
    chart_id: z.string().max(64).nullable(),
    detail_json: z.string().max(20_000),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const resultBodySchema = z
  .object({
    kind: z.literal('result'),
    charts: z.array(z.object({ chartId, state: wireStateSchema }).strict()).min(1).max(5000),
    activity: z.array(activitySchema).max(1_000_000),
    head: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    // The audits of these charts with the coder's responses (absent in packages made before audits).
    audits: z.array(auditWireSchema).max(5000).default([]),
    // The physician queries of these charts, as the coder left them.
    queries: z.array(queryWireSchema).max(50_000).default([]),
  })
  .strict();
export type ResultBody = z.infer<typeof resultBodySchema>;
export type ResultBodyInput = z.input<typeof resultBodySchema>;

export const encodeBody = (body: WorkBodyInput | ResultBodyInput): Buffer => zlib.gzipSync(Buffer.from(JSON.stringify(body), 'utf8'), { level: 6 });

export function decodeBody<S extends z.ZodType>(bytes: Buffer, schema: S): z.output<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(zlib.gunzipSync(bytes, { maxOutputLength: MAX_BODY_BYTES }).toString('utf8'));
  } catch {
    throw refused('This package’s contents cannot be read (made by an incompatible CodeDesk?): nothing was changed.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw refused('This package’s contents are not in the expected form: nothing was changed.');
  return result.data;
}
