import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoVersion } from '../fixtures';
import { renderApp, renderChart } from '../render-app';

describe('shell', () => {
  it('shows the user, the role and a demo badge when a system has only demo versions', async () => {
    renderApp({ 'codes.versions': () => [demoVersion] });
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('CodeDesk')).toBeTruthy();
    expect(within(banner).getByText('Dana Coder · Coder')).toBeTruthy();
    expect(await within(banner).findByText('Demo code subset')).toBeTruthy();
  });

  it('after official ICD-10 files are imported, the badge names the systems still on the demo subset', async () => {
    const official = { ...demoVersion, isDemo: false, verified: true, label: 'FY2026', id: 9 };
    renderApp({
      'codes.versions': () => [
        demoVersion,
        official,
        { ...demoVersion, id: 2, system: 'icd10pcs' },
        { ...official, id: 10, system: 'icd10pcs' },
        { ...demoVersion, id: 3, system: 'hcpcs' },
        { ...demoVersion, id: 4, system: 'cpt' },
      ],
    });
    const badge = await within(await screen.findByRole('banner')).findByText('Demo: HCPCS, CPT');
    expect(badge.getAttribute('title')).toContain('HCPCS, CPT');
    expect(screen.queryByText('Demo code subset')).toBeNull();
  });

  it('has no demo badge with full code sets', async () => {
    renderApp({ 'codes.versions': () => [{ ...demoVersion, isDemo: false, verified: true }] });
    await screen.findByRole('grid');
    expect(screen.queryByText('Demo code subset')).toBeNull();
    expect(screen.queryByText('Unverified code set')).toBeNull();
  });

  it('shows an unverified badge naming the versions imported from files that match no known release', async () => {
    renderApp({ 'codes.versions': () => [{ ...demoVersion, isDemo: false, verified: false, label: 'FY2027' }] });
    const badge = await within(await screen.findByRole('banner')).findByText('Unverified code set');
    expect(badge.getAttribute('title')).toContain('ICD-10-CM FY2027');
  });

  it('About shows the CDC/NCHS and CMS notice, the CPT notice and the demo note', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'About' }));
    const dialog = screen.getByRole('dialog', { name: 'About CodeDesk' });
    expect(dialog.textContent).toContain(
      'ICD-10-CM codes and descriptors are from the ICD-10-CM published by CDC/NCHS (available at no charge from the NCHS website); their use does not imply endorsement by CDC, NCHS, HHS or the US Government. ICD-10-PCS, MCE, MUE, NCCI, HCPCS Level II and MS-DRG data are from CMS.',
    );
    expect(dialog.textContent).toContain('CPT is a registered trademark of the AMA; CodeDesk ships no CPT descriptors.');
    expect(dialog.textContent).toMatch(/demo code subset is a small sample .* not a full code set/);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('"?" opens the keyboard shortcuts', async () => {
    renderApp();
    await screen.findByRole('grid');
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Alt+N');
    expect(dialog.textContent).toContain('Ctrl+Shift+L');
  });

  it('reports activity at most once per 30 seconds', async () => {
    const api = renderApp();
    await screen.findByRole('grid');
    await act(async () => {
      fireEvent.keyDown(window, { key: 'a' });
      fireEvent.pointerDown(window);
      fireEvent.wheel(window);
    });
    expect(api.inputs('session.activity')).toHaveLength(1);
  });

  it('the chart header names the code set in force on the coding date', async () => {
    renderChart({ 'codes.versions': () => [demoVersion] });
    expect(await screen.findByText('ICD-10-CM FY2026 (demo)')).toBeTruthy();
    expect(screen.getByText('Coding date').nextElementSibling?.textContent).toBe('2026-03-04');
  });
});
