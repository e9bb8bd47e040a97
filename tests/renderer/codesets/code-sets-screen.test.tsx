/**
 * The Code sets screen: reachable from the header, shows each system's version and source,
 * runs an import with a progress bar fed by main's events, and ends with a summary that lists
 * every file (imported, skipped with why) or the failure with what was imported before it.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../src/shared/contract';
import { fail } from '../fake-api';
import { demoVersion } from '../fixtures';
import { renderApp } from '../render-app';

const official = {
  ...demoVersion,
  id: 2,
  label: 'FY2026',
  source: 'ICD-10-CM order file icd10cm_order_2026.txt',
  isDemo: false,
  verified: true,
  codeCount: 98186,
};

const summary: ImportSummary = {
  files: [
    {
      path: '/dl/icd10cm_order_2026.txt',
      kind: 'order-file',
      system: 'icd10cm',
      label: 'FY2026',
      codes: 98186,
      replaced: false,
      verified: true,
      release: 'ICD-10-CM FY2026 order file',
    },
  ],
  skipped: [
    {
      path: '/dl/ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx',
      reason: 'the ICD-10-CM conversion table is not imported: code changes come from the order files and their addenda',
    },
  ],
  totalCodes: 98186,
  seconds: 4.2,
};

async function openCodeSets() {
  fireEvent.click(await within(await screen.findByRole('banner')).findByRole('button', { name: 'Code sets' }));
  return screen.findByRole('main', { name: 'Code sets' });
}

describe('the Code sets screen', () => {
  it('shows each system with its version and source, demo or official release', async () => {
    renderApp({
      'codes.versions': () => [demoVersion, official, { ...demoVersion, id: 3, system: 'icd10pcs', label: 'FY2026' }],
      'codes.sourceFiles': () => [{ file: 'icd10cm_order_2026.txt', kind: 'order-file', release: 'ICD-10-CM FY2026 order file', importedAt: '2026-12-01T10:00:00Z' }],
    });
    await openCodeSets();
    const installed = screen.getByRole('table', { name: 'Installed code sets' });
    const cm = within(installed).getByRole('row', { name: /^ICD-10-CM/ });
    expect(cm.textContent).toContain('ICD-10-CM FY2026 order file');
    expect(cm.textContent).toContain('98,186');
    expect(within(installed).getByRole('row', { name: /^ICD-10-PCS/ }).textContent).toContain('Demo subset');
    expect(within(installed).getByRole('row', { name: /^HCPCS/ }).textContent).toContain('Not installed');
  });

  it('imports the paths typed with a progress bar from main, then lists what was imported and what was skipped and why', async () => {
    let finish: (s: ImportSummary) => void = () => undefined;
    const api = renderApp({
      'codes.versions': () => [demoVersion],
      'codes.sourceFiles': () => [],
      'codes.import': () => new Promise<ImportSummary>((resolve) => (finish = resolve)),
    });
    await openCodeSets();
    fireEvent.change(screen.getByLabelText('Folders or files to import'), { target: { value: ' "/dl" \n\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('button', { name: 'Importing…' })).toBeTruthy();
    expect(api.inputs('codes.import')).toEqual([{ paths: ['/dl'], allowUnverified: false }]);

    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    act(() => api.emit('import.progress', { path: '/dl/icd10cm_order_2026.txt', file: 1, files: 2, step: 'checking', line: 0, totalLines: 0 }));
    expect(bar.hasAttribute('value')).toBe(false);
    expect(screen.getByText('Checking against the official releases')).toBeTruthy();
    act(() => api.emit('import.progress', { path: '/dl/icd10cm_order_2026.txt', file: 2, files: 2, step: 'reading', line: 49093, totalLines: 98186 }));
    expect(screen.getByText('File 2 of 2 · icd10cm_order_2026.txt')).toBeTruthy();
    expect(screen.getByText('Reading 49,093 of 98,186 lines')).toBeTruthy();
    expect(Number(bar.getAttribute('value'))).toBeCloseTo((1 + 0.45) / 2);
    act(() => api.emit('import.progress', { path: '/dl/icd10cm_order_2026.txt', file: 2, files: 2, step: 'indexing', line: 98186, totalLines: 98186 }));
    expect(screen.getByText('Building the search index (98,186 lines read)')).toBeTruthy();
    act(() => api.emit('import.progress', { path: '/dl/icd10cm_order_2026.txt', file: 2, files: 2, step: 'search', line: 98186, totalLines: 98186 }));
    expect(screen.getByText('All 2 files imported')).toBeTruthy();
    expect(screen.getByText('Search index updating (search answers from the current codes meanwhile)')).toBeTruthy();

    await act(async () => finish(summary));
    const result = await screen.findByRole('region', { name: 'Import summary' });
    expect(within(result).getByRole('status').textContent).toBe('Import finished: 1 file imported, 1 file skipped, in 4.2 s.');
    const imported = within(result).getByRole('table', { name: 'Imported files' });
    expect(within(imported).getByRole('row', { name: /icd10cm_order_2026/ }).textContent).toContain('ICD-10-CM FY2026 order file');
    const skipped = within(result).getByRole('table', { name: 'Skipped files' });
    expect(within(skipped).getByRole('row', { name: /CONVERSION-TABLE/ }).textContent).toContain('the ICD-10-CM conversion table is not imported');
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The installed list and the header's badges are read again.
    expect(api.inputs('codes.versions').length).toBeGreaterThan(1);
  });

  it('says which file failed, why, and which files were imported whole before it', async () => {
    renderApp({
      'codes.sourceFiles': () => [],
      'codes.import': () =>
        fail('IMPORT_FAILED', 'icd10cm_order_2027.txt line 9: expected a flag 0 or 1 in column 15', {
          file: 'icd10cm_order_2027.txt',
          line: 9,
          reason: 'expected a flag 0 or 1 in column 15',
          importedBefore: 'icd10pcs_order_2026.txt',
        }),
    });
    await openCodeSets();
    fireEvent.change(screen.getByLabelText('Folders or files to import'), { target: { value: '/dl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain('Import failed on icd10cm_order_2027.txt.');
    expect(failed.textContent).toContain('expected a flag 0 or 1 in column 15');
    expect(failed.textContent).toContain('Imported whole before the failure: icd10pcs_order_2026.txt.');
  });

  it('does not start without a path', async () => {
    renderApp({ 'codes.sourceFiles': () => [] });
    await openCodeSets();
    fireEvent.change(screen.getByLabelText('Folders or files to import'), { target: { value: '  \n ' } });
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
