import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { fail } from '../fake-api';
import { renderChart } from '../render-app';
import { chapters, detailFor, treeChildren } from '../encoder-fixtures';

async function openTree(overrides: Parameters<typeof renderChart>[0] = {}) {
  const api = renderChart({
    'codes.browse': ({ parent }) => (parent === null ? chapters : treeChildren[parent] ?? []),
    'codes.show': ({ code }) => detailFor(code),
    ...overrides,
  });
  await screen.findByText('Avery Testpatient');
  fireEvent.keyDown(window, { key: 't', code: 'KeyT', altKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Tabular List' });
  const tree = within(dialog).getByRole('tree', { name: 'Tabular List' });
  await within(tree).findByRole('treeitem', { name: /Certain infectious/ });
  return { api, dialog, tree };
}

const key = (el: HTMLElement, k: string) => fireEvent.keyDown(el, { key: k });
const active = (tree: HTMLElement) => document.getElementById(tree.getAttribute('aria-activedescendant') ?? '');

describe('Tabular List tree', () => {
  it('Alt+T opens it with the chapters; the tree has focus', async () => {
    const { tree, api } = await openTree();
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(2);
    expect(api.inputs('codes.browse')[0]).toMatchObject({ parent: null, date: '2026-03-04' });
    await waitFor(() => expect(document.activeElement).toBe(tree));
    expect(active(tree)?.textContent).toMatch(/Ch 1/);
  });

  it('arrows move and open: ↓ → → ↓ → reaches a category, with levels and expanded state', async () => {
    const { tree, api } = await openTree();
    key(tree, 'ArrowDown');
    expect(active(tree)?.textContent).toMatch(/Ch 4/);
    key(tree, 'ArrowRight'); // opens chapter 4
    const section = await within(tree).findByRole('treeitem', { name: /Diabetes mellitus/ });
    expect(section.getAttribute('aria-level')).toBe('2');
    expect(within(tree).getByRole('treeitem', { name: /Ch 4/ }).getAttribute('aria-expanded')).toBe('true');
    key(tree, 'ArrowRight'); // steps into the section
    expect(active(tree)).toBe(section);
    key(tree, 'ArrowRight');
    const e11 = await within(tree).findByRole('treeitem', { name: /^E11 Type 2/ });
    key(tree, 'ArrowDown');
    expect(active(tree)).toBe(e11);
    expect(api.inputs('codes.browse').map((i) => i.parent)).toEqual([null, '4', 'E08-E13']);
  });

  it('← closes an open node, then goes to its parent', async () => {
    const { tree } = await openTree();
    key(tree, 'ArrowDown');
    key(tree, 'ArrowRight');
    await within(tree).findByRole('treeitem', { name: /Diabetes mellitus/ });
    key(tree, 'ArrowRight');
    key(tree, 'ArrowLeft'); // on the section (closed): to its parent
    expect(active(tree)?.textContent).toMatch(/Ch 4/);
    key(tree, 'ArrowLeft'); // closes chapter 4
    expect(within(tree).queryByRole('treeitem', { name: /Diabetes mellitus/ })).toBeNull();
  });

  it('the focused category shows in the code detail; Enter on a billable code adds it', async () => {
    const { tree, dialog } = await openTree();
    key(tree, 'ArrowDown');
    key(tree, 'ArrowRight');
    await within(tree).findByRole('treeitem', { name: /Diabetes mellitus/ });
    key(tree, 'ArrowRight');
    key(tree, 'ArrowRight');
    await within(tree).findByRole('treeitem', { name: /^E11 Type 2/ });
    key(tree, 'ArrowDown');
    expect(await within(dialog).findByText('Title of E11')).toBeTruthy();
    key(tree, 'ArrowRight');
    const e119 = await within(tree).findByRole('treeitem', { name: /E11\.9/ });
    key(tree, 'ArrowDown');
    expect(active(tree)).toBe(e119);
    key(tree, 'Enter');
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'E11.9', poa: null }]));
    expect(within(dialog).getByText('Added E11.9.')).toBeTruthy();
  });

  it('a failing tree says why and Esc closes it, back to the chart', async () => {
    renderChart({ 'codes.browse': () => fail('NOT_FOUND', 'No Tabular List is imported yet.') });
    await screen.findByText('Avery Testpatient');
    fireEvent.keyDown(window, { key: 't', code: 'KeyT', altKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Tabular List' });
    expect(await within(dialog).findByText('No Tabular List is imported yet.')).toBeTruthy();
    fireEvent.keyDown(within(dialog).getByRole('tree'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Avery Testpatient')).toBeTruthy();
  });
});
