import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

const problem = 'The audit trail ends at entry 40 but was sealed at entry 52: newer entries were removed, or the workspace file was replaced by an older copy.';

describe('trail banner', () => {
  it('is absent while the trail matches its seal', async () => {
    renderApp();
    await screen.findByRole('grid');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what the unlock found and records it on request, then goes away', async () => {
    let reanchored = 0;
    renderApp({
      'session.status': () => ({ ...unlockedStatus, trailProblem: problem }),
      'audit.reanchor': () => {
        reanchored += 1;
        return unlockedStatus;
      },
    });
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('The audit trail does not match its seal.');
    expect(banner.textContent).toContain('sealed at entry 52');
    expect(banner.textContent).toContain('Lock, then “Restore a backup”');
    fireEvent.click(screen.getByRole('button', { name: 'Record the finding and continue' }));
    await screen.findByRole('grid');
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    expect(reanchored).toBe(1);
  });
});
