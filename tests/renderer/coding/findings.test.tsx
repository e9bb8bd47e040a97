import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ValidationProblem } from '../../../src/shared/domain';
import { renderChart } from '../render-app';

const excludes: ValidationProblem = {
  rule: 'tabular.excludes1',
  severity: 'error',
  message: 'E11.9 and E10.9 are never coded together (Excludes1).',
  codes: ['E11.9', 'E10.9'],
  source: 'Tabular List FY2021, Excludes1 note at E11',
};
const unspecified: ValidationProblem = {
  rule: 'mce.unspecified',
  severity: 'warning',
  message: 'E11.9 is an unspecified code.',
  codes: ['E11.9'],
  source: 'MCE v43.1 edit 20',
};

describe('findings panel', () => {
  it('groups findings by severity with their source, and a click highlights the codes involved', async () => {
    renderChart({
      'coding.get': () => ({
        coding: { diagnoses: [{ code: 'E11.9', poa: 'Y' }, { code: 'E10.9', poa: 'Y' }, { code: 'I10', poa: 'Y' }], procedures: [] },
        revision: 1,
      }),
      'coding.validate': () => [unspecified, excludes],
    });
    const errors = await screen.findByRole('group', { name: 'Errors (block submit)' });
    const warnings = screen.getByRole('group', { name: 'Warnings' });
    expect(errors.textContent).toContain('never coded together');
    expect(errors.textContent).toContain('Source: Tabular List FY2021, Excludes1 note at E11');
    expect(warnings.textContent).toContain('Source: MCE v43.1 edit 20');
    const row = (label: RegExp) => screen.getByRole('listitem', { name: label });
    expect(row(/E10\.9/).className).not.toContain('finding-highlight');
    await act(async () => fireEvent.click(within(errors).getByRole('button', { pressed: false })));
    expect(row(/: E11\.9/).className).toContain('finding-highlight');
    expect(row(/: E10\.9/).className).toContain('finding-highlight');
    expect(row(/: I10/).className).not.toContain('finding-highlight');
    await act(async () => fireEvent.click(within(errors).getByRole('button', { pressed: true })));
    expect(row(/: E10\.9/).className).not.toContain('finding-highlight');
  });

  it('lists edits that could not run apart, as notes outside the error and warning counts', async () => {
    const notRun: ValidationProblem = {
      rule: 'edits.not-run',
      severity: 'note',
      message: 'Not run: NCCI PTP (practitioner) edits (no table imported). Import the official files to run them.',
      codes: [],
      source: 'no edit table imported',
    };
    renderChart({
      'coding.get': () => ({ coding: { diagnoses: [{ code: 'I10', poa: null }], procedures: [] }, revision: 1 }),
      'coding.validate': () => [notRun, unspecified],
    });
    const notes = await screen.findByRole('group', { name: 'Not checked' });
    expect(notes.textContent).toContain('Not run: NCCI PTP (practitioner)');
    expect(within(screen.getByRole('group', { name: 'Warnings' })).queryByText(/NCCI PTP/)).toBeNull();
    expect(screen.getByRole('heading', { name: /Edits/ }).textContent).toContain('0 errors, 1 warning · 1 not run');
  });
});
