/**
 * The viewer by content type over a fake API: HTML shown sanitised and searchable, a PDF that
 * cannot be opened explained in place (pdf.js itself runs in the e2e spec; here its loader fails
 * as it does for damaged or password-protected bytes), and types it cannot show listed and kept.
 */
import './happy-dom-node-name';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as PdfEngine from '../../../src/renderer/features/documents/pdf-engine';
import type { ChartDocument } from '../../../src/shared/domain';
import { chartDetail, docs } from '../fixtures';
import { renderChart } from '../render-app';

vi.mock('../../../src/renderer/features/documents/pdf-engine', async (importOriginal) => {
  const actual = await importOriginal<typeof PdfEngine>();
  const fail = async (base64: string) => {
    throw new actual.PdfOpenError(base64 === 'RU5DUllQVEVE' ? 'password' : 'damaged');
  };
  return { ...actual, openPdf: vi.fn(fail), extractPdfText: vi.fn(fail) };
});

const meta = { chartId: 'C-00001', author: 'Dr. Synthetic', date: '2026-03-02', kind: 'other' as const };
const extra: ChartDocument[] = [
  {
    ...meta,
    id: 'h-1',
    title: 'ED note (HTML)',
    contentType: 'text/html; charset=utf-8',
    size: 120,
    body: '<h1>ED note</h1>\n<p>Chief complaint: <b>chest\n  pain</b>.</p><table><tr><td>Chest film</td><td>clear</td></tr></table>',
    dataBase64: null,
  },
  { ...meta, id: 'p-1', title: 'Scanned referral', contentType: 'application/pdf', size: 1_520_000, body: '', dataBase64: 'Z2FyYmFnZQ==' },
  { ...meta, id: 'p-2', title: 'Outside records', contentType: 'application/pdf', size: 2048, body: '', dataBase64: 'RU5DUllQVEVE' },
  { ...meta, id: 't-1', title: 'Faxed order', contentType: 'image/tiff', size: 4200, body: '', dataBase64: null },
];
const all = [...docs, ...extra];

function renderWithDocuments() {
  return renderChart({
    'charts.get': ({ chartId }) =>
      chartDetail({ id: chartId, documents: all.map(({ body: _b, chartId: _c, dataBase64: _d, ...m }) => m) }),
    'documents.get': ({ documentId }) => all.find((d) => d.id === documentId)!,
  });
}

const list = () => screen.getByRole('navigation', { name: 'Documents' });
const notice = () => within(screen.getByRole('article', { name: 'Document' })).getByRole('status');
const open = (title: string) => fireEvent.click(within(list()).getByRole('button', { name: new RegExp(title) }));

describe('documents by content type', () => {
  it('lists every document with its type and size; the ones it cannot show say so', async () => {
    renderWithDocuments();
    await screen.findByText(/Pneumonia confirmed/);
    expect(within(list()).getByRole('button', { name: /Faxed order/ }).textContent).toContain('TIFF image · 4.2 KB · cannot display');
    expect(within(list()).getByRole('button', { name: /Scanned referral/ }).textContent).toContain('PDF · 1.5 MB');
    expect(within(list()).getByRole('button', { name: /ED note/ }).textContent).toContain('HTML · 120 B');
    expect(within(list()).getByRole('button', { name: /Admission H&P/ }).textContent).not.toContain('Text');
  });

  it('shows "cannot display" with the type and size for a TIFF, and keeps it listed', async () => {
    const api = renderWithDocuments();
    await screen.findByText(/Pneumonia confirmed/);
    open('Faxed order');
    await waitFor(() => expect(notice().textContent).toContain('CodeDesk cannot display this document (TIFF image)'));
    expect(notice().textContent).toContain('4.2 KB');
    expect(api.inputs('documents.get').map((i) => i.documentId)).toContain('t-1');
    expect(within(list()).getByRole('button', { name: /Faxed order/ })).toBeTruthy();
  });

  it('shows "This PDF could not be displayed" for damaged and password-protected PDFs, never a crash', async () => {
    renderWithDocuments();
    await screen.findByText(/Pneumonia confirmed/);
    open('Scanned referral');
    await waitFor(() => expect(notice().textContent).toContain('This PDF could not be displayed'));
    expect(notice().textContent).toContain('damaged');
    expect(notice().textContent).toContain('1.5 MB');
    await waitFor(() =>
      expect(within(list()).getByRole('button', { name: /Scanned referral/ }).textContent).toContain('PDF · 1.5 MB · could not be displayed'),
    );
    open('Outside records');
    await waitFor(() => expect(notice().textContent).toContain('password-protected'));
    open('Admission H&P');
    expect(await screen.findByText(/Pneumonia confirmed/)).toBeTruthy();
    expect(within(list()).getAllByRole('button')).toHaveLength(all.length);
  });

  it('shows HTML sanitised as formatted text, and find marks its words like any document', async () => {
    renderWithDocuments();
    await screen.findByText(/Pneumonia confirmed/);
    const box = screen.getByRole('searchbox', { name: 'Find in chart' });
    fireEvent.change(box, { target: { value: 'chest pain' } });
    expect(await screen.findByRole('button', { name: 'ED note (HTML) (1)' })).toBeTruthy();
    open('ED note');
    const body = await waitFor(() => document.querySelector('.doc-html')!);
    expect(body.querySelector('h1')?.textContent).toBe('ED note');
    expect(body.querySelector('table td')?.textContent).toBe('Chest film');
    await waitFor(() => expect(Array.from(body.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['chest pain']));
    expect(body.querySelector('mark')?.className).toBe('current');
    fireEvent.change(box, { target: { value: 'chest' } });
    await waitFor(() => expect(screen.getByText('1 of 2')).toBeTruthy());
    expect(body.querySelectorAll('mark')).toHaveLength(2);
  });
});
