/**
 * `charts import` and `charts list`: the daily hand-off from scripts. The queue's rows carry no
 * patient names, so neither does `charts list` (ids, statuses, settings, dates, payer).
 */
import path from 'node:path';
import { CHART_STATUSES, type ChartRow, type ChartStatus } from '../../shared/domain';
import type { ChartImportSummary } from '../../shared/chart-import';
import type { EventMap } from '../../shared/contract';
import type { AnyEventListener } from '../events';
import { call, parse, unlock, type Command } from './command-kit';
import { CliExit, EXIT, printJson } from './io';
import { printText, terminalSafe } from './terminal-text';

const AMBULATORY = { outpatient: 'outpatient_surgery', professional: 'professional' } as const;
/** charts.list's largest page: the CLI pages through every row. */
const PAGE = 500;

const showProgress: AnyEventListener = (name, payload) => {
  if (name !== 'charts.import.progress') return;
  const p = payload as EventMap['charts.import.progress'];
  process.stderr.write(`\r${terminalSafe(`${p.itemsRead} read, ${p.chartsWritten} charts and ${p.documentsWritten} documents written, ${p.refused} refused`)}`);
};

/** The summary as scripts read it: the counts the issue names first, then the rest. */
export function importJson(s: ChartImportSummary): Record<string, unknown> {
  return { created: s.created, updated: s.updated, unchanged: s.unchanged, refused: s.refused, flagged: s.flagged, documents: s.documents, note: s.note };
}

export function importText(s: ChartImportSummary): string {
  const d = s.documents;
  const lines = [
    `Charts: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged${s.flagged ? `, ${s.flagged} flagged (source changed after submit; nothing applied)` : ''}.`,
    `Documents: ${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged${d.flagged ? `, ${d.flagged} waiting with a flagged chart` : ''}.`,
  ];
  if (s.refused.length > 0) {
    lines.push(`Refused ${s.refused.length} (${s.note}):`);
    lines.push(...s.refused.map((r) => `  ${r.file}${r.line === null ? '' : `:${r.line}`}  ${r.reason}`));
  }
  return `${lines.join('\n')}\n`;
}

export function listText(rows: readonly ChartRow[], total: number): string {
  const head = ['Chart', 'Status', 'Setting', 'Discharge', 'Due', 'Payer'].join('\t');
  const body = rows.map((r) =>
    [r.id, r.status, r.setting, r.dischargeDate, r.dueDate, r.payer, r.sourceChanged ? 'source changed after submit' : ''].join('\t').trimEnd(),
  );
  return `${[head, ...body].join('\n')}\n${total} chart${total === 1 ? '' : 's'}\n`;
}

export const CHART_COMMANDS: Record<string, Command> = {
  'charts import': {
    usage: 'charts import PATH... [--ambulatory outpatient|professional] [--user NAME] [--json]',
    async run({ app, args }) {
      const { values, positionals } = parse(args, { user: { type: 'string' }, ambulatory: { type: 'string' } });
      if (positionals.length === 0) throw new CliExit(EXIT.badInput, 'Name at least one file or folder to import.');
      const ambulatory = values.ambulatory;
      if (ambulatory !== undefined && !Object.hasOwn(AMBULATORY, ambulatory)) {
        throw new CliExit(EXIT.badInput, '--ambulatory must be outpatient or professional.');
      }
      await unlock(app, values.user, values['passphrase-file']);
      const off = process.stderr.isTTY && !values.json ? app.events.on(showProgress) : null;
      const summary = await call(app, 'charts.import', {
        paths: positionals.map((p) => path.resolve(p)),
        ...(ambulatory ? { ambulatorySetting: AMBULATORY[ambulatory as keyof typeof AMBULATORY] } : {}),
      }).finally(() => {
        off?.();
        if (off) process.stderr.write('\n');
      });
      if (values.json) printJson(importJson(summary));
      else printText(importText(summary));
    },
  },
  'charts list': {
    usage: `charts list [--status ${CHART_STATUSES.join('|')}[,…]] [--user NAME] [--json]`,
    async run({ app, args }) {
      const { values } = parse(args, { user: { type: 'string' }, status: { type: 'string' } });
      const status = (values.status ?? '').split(',').filter(Boolean);
      const unknown = status.find((s) => !(CHART_STATUSES as readonly string[]).includes(s));
      if (unknown !== undefined) throw new CliExit(EXIT.badInput, `--status must be one of ${CHART_STATUSES.join(', ')}.`);
      await unlock(app, values.user, values['passphrase-file']);
      const rows: ChartRow[] = [];
      let total = 0;
      do {
        const page = await call(app, 'charts.list', { status: status as ChartStatus[], offset: rows.length, limit: PAGE });
        rows.push(...page.rows);
        total = page.total;
        if (page.rows.length === 0) break;
      } while (rows.length < total);
      if (values.json) printJson({ total, rows });
      else printText(listText(rows, total));
    },
  },
};
