import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CodeHit } from '../../../src/shared/domain';
import { CodeResults, FIRST_FRAME_ROWS, sameHit } from '../../../src/renderer/features/coding/CodeResults';
import { usePicker } from '../../../src/renderer/features/coding/picker-store';
import type * as Labels from '../../../src/renderer/lib/labels';

// Each row reads its system's label once per render: counting the reads counts row renders.
const labelReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/renderer/lib/labels', async (importOriginal) => {
  const original = await importOriginal<typeof Labels>();
  return {
    ...original,
    SYSTEM_LABELS: new Proxy(original.SYSTEM_LABELS, {
      get(target, key, receiver) {
        labelReads.count++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }),
  };
});

const hit = (code: string, title = `Title ${code}`): CodeHit => ({ system: 'icd10cm', code, title, billable: true });
const showing = (results: CodeHit[], active = 0) => act(() => usePicker.setState({ results, active }));

describe('code result rows', () => {
  it('treats hits that would draw the same row as equal', () => {
    expect(sameHit(hit('J18.9'), hit('J18.9'))).toBe(true);
    expect(sameHit(hit('J18.9'), hit('J18.9', 'Other'))).toBe(false);
    expect(sameHit(hit('J18.9'), { ...hit('J18.9'), billable: false })).toBe(false);
    expect(sameHit({ ...hit('J18.9'), matchedBy: { kind: 'index', text: 'a' } }, { ...hit('J18.9'), matchedBy: { kind: 'index', text: 'b' } })).toBe(false);
  });

  it('renders only the rows a reply or a highlight move changes, and none for a keystroke', () => {
    render(<CodeResults />);
    showing([hit('A'), hit('B'), hit('C')]);
    expect(screen.getAllByRole('option')).toHaveLength(3);
    labelReads.count = 0;

    // A new reply with the same hits (new objects): no row renders again.
    showing([hit('A'), hit('B'), hit('C')]);
    expect(labelReads.count).toBe(0);
    // A keystroke alone changes the query, not the list.
    act(() => usePicker.setState({ query: 'pn', searching: true }));
    expect(labelReads.count).toBe(0);
    // Moving the highlight re-renders the two rows involved.
    act(() => usePicker.setState({ active: 1 }));
    expect(labelReads.count).toBe(2);
    // A reply that changes one title re-renders that row (and the highlight going back to the top).
    labelReads.count = 0;
    showing([hit('A'), hit('B'), hit('C', 'Changed')]);
    expect(labelReads.count).toBe(3);
    expect(screen.getByRole('option', { name: /Changed/ })).toBeTruthy();
  });

  it('brings a scrolled list back to the top when a new result set arrives', () => {
    render(<CodeResults />);
    showing([hit('A'), hit('B')]);
    const list = screen.getByRole('listbox', { name: 'Code results' });
    list.scrollTop = 120;
    fireEvent.scroll(list);
    showing([hit('C'), hit('D')]);
    expect(list.scrollTop).toBe(0);
  });
});

describe('a long result set', () => {
  const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => hit(`${prefix}${i}`));

  it('renders the first rows at once and the rest right after, and a highlight below them is always rendered', async () => {
    render(<CodeResults />);
    showing(many(25, 'K'));
    expect(screen.getAllByRole('option')).toHaveLength(FIRST_FRAME_ROWS);
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(screen.getAllByRole('option')).toHaveLength(25);
    // A new set starts short again; moving the highlight past the first rows renders down to it.
    showing(many(25, 'M'));
    expect(screen.getAllByRole('option')).toHaveLength(FIRST_FRAME_ROWS);
    act(() => usePicker.setState({ active: FIRST_FRAME_ROWS + 3 }));
    expect(screen.getAllByRole('option')).toHaveLength(FIRST_FRAME_ROWS + 4);
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(screen.getAllByRole('option')).toHaveLength(25);
  });
});
