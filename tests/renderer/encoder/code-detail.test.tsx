import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import type { CodeHit } from '../../../src/shared/domain';
import { fail } from '../fake-api';
import { renderChart } from '../render-app';
import { detailFor, fractureDetail, fractureHeader } from '../encoder-fixtures';

const detailPane = () => screen.getByRole('complementary', { name: 'Code detail' });

async function searchFor(results: CodeHit[], extra: Parameters<typeof renderChart>[0] = {}) {
  const api = renderChart({
    'codes.search': ({ query }) => ({ query, results }),
    'codes.show': ({ code }) => (code === 'S72.001' ? fractureDetail : detailFor(code)),
    ...extra,
  });
  await screen.findByText('Avery Testpatient');
  const box = screen.getByRole('combobox', { name: 'Search codes' });
  fireEvent.change(box, { target: { value: 'fx' } });
  await screen.findByRole('option', { name: new RegExp((results[0]?.code ?? '').replace('.', '\\.')) });
  return { api, box };
}

describe('code detail beside the picker', () => {
  it('follows the highlighted result: title, flag, hierarchy, and notes grouped by the level they are written at', async () => {
    await searchFor([fractureHeader]);
    const pane = detailPane();
    expect(await within(pane).findByText(fractureHeader.title)).toBeTruthy();
    expect(within(pane).getByText('header — not billable')).toBeTruthy();
    const hierarchy = within(pane).getByRole('navigation', { name: 'Hierarchy' });
    expect(within(hierarchy).getByText('Fracture of femur')).toBeTruthy();
    const fromS720 = within(pane).getByRole('region', { name: 'Subcategory S72.0 Fracture of head and neck of femur' });
    const fromS72 = within(pane).getByRole('region', { name: 'Category S72 Fracture of femur' });
    expect(within(fromS720).getByText('Inherited from Subcategory S72.0 Fracture of head and neck of femur')).toBeTruthy();
    // Excludes1 and Excludes2 are labelled, not only coloured.
    expect(within(fromS72).getByText(/^Excludes1/)).toBeTruthy();
    expect(within(fromS720).getByText(/^Excludes2/)).toBeTruthy();
    expect(within(pane).getByText('Use additional code')).toBeTruthy();
    // The nearest level comes first.
    const headings = within(pane).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.indexOf('Inherited from Subcategory S72.0 Fracture of head and neck of femur')).toBeLessThan(
      headings.indexOf('Inherited from Category S72 Fracture of femur'),
    );
  });

  it('says which Tabular List year the notes come from when it is a fallback', async () => {
    await searchFor([fractureHeader]);
    expect(await within(detailPane()).findByText("Notes from the FY2021 Tabular List (the chart's year is not imported).")).toBeTruthy();
  });

  it('shows the 7th-character definitions with where they are written', async () => {
    await searchFor([fractureHeader]);
    const seventh = await within(detailPane()).findByRole('region', { name: '7th characters' });
    expect(within(seventh).getByText('7th characters (from S72)')).toBeTruthy();
    expect(within(seventh).getByText('initial encounter for closed fracture')).toBeTruthy();
  });

  it('opens a code linked in a note, and Back returns', async () => {
    const { api } = await searchFor([fractureHeader]);
    const pane = detailPane();
    const link = await within(pane).findByRole('button', { name: 'Open S78' });
    expect(link.textContent).toBe('S78.-');
    fireEvent.click(link);
    expect(await within(pane).findByText('Title of S78')).toBeTruthy();
    expect(api.inputs('codes.show').at(-1)).toMatchObject({ code: 'S78', system: 'icd10cm', date: '2026-03-04' });
    fireEvent.click(within(pane).getByRole('button', { name: '← Back' }));
    expect(await within(pane).findByText(fractureHeader.title)).toBeTruthy();
    expect(within(pane).queryByRole('button', { name: '← Back' })).toBeNull();
  });

  it('shows a coded code when the coder clicks it in the list', async () => {
    const e119: CodeHit = { system: 'icd10cm', code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', billable: true };
    const { box } = await searchFor([e119]);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'E11.9', poa: null }]);
    fireEvent.click(screen.getByRole('button', { name: 'Show E11.9 details' }));
    expect(await within(detailPane()).findByText('Title of E11.9')).toBeTruthy();
  });

  it('explains a failure without breaking the picker', async () => {
    await searchFor([fractureHeader], { 'codes.show': () => fail('NOT_FOUND', 'That code is not in the code set for this date.') });
    expect(await within(detailPane()).findByText('No detail for S72.001: That code is not in the code set for this date.')).toBeTruthy();
    expect(screen.getByRole('option', { name: /S72\.001/ })).toBeTruthy();
  });

  it('adds the code shown from its Add button', async () => {
    const e119: CodeHit = { system: 'icd10cm', code: 'E11.9', title: 'Type 2 diabetes', billable: true };
    await searchFor([e119]);
    fireEvent.click(await within(detailPane()).findByRole('button', { name: 'Add E11.9' }));
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'E11.9', poa: null }]));
  });

  it('search results say which index path or synonym matched', async () => {
    await searchFor([
      { system: 'icd10cm', code: 'I50.9', title: 'Heart failure, unspecified', billable: true, matchedBy: { kind: 'index', text: 'Failure > heart > congestive' } },
      { system: 'icd10cm', code: 'I50.20', title: 'Unspecified systolic heart failure', billable: true, matchedBy: { kind: 'synonym', text: 'CHF' } },
    ]);
    expect(screen.getByText('via index: Failure > heart > congestive')).toBeTruthy();
    expect(screen.getByText('synonym: CHF')).toBeTruthy();
  });
});
