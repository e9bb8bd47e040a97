/**
 * Checks on a new passphrase as it is typed: the same estimator and floor main enforces
 * (shared/passphrase-strength.ts), loaded on first use as its own chunk. Until it has loaded
 * only the length is checked here, and main's answer is shown on submit.
 */
import { useEffect, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, loadPassphraseCheck, type PassphraseCheck } from '../../../shared/passphrase-strength';

export { MIN_PASSPHRASE_LENGTH };

/** Quiet time after the last keystroke before the estimator runs (it takes up to ~0.1 s). */
const SETTLE_MS = 200;

export function newPassphraseProblem(passphrase: string, confirm: string, strength: Strength): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters (it has ${passphrase.length}).`;
  }
  if (strength.checked && strength.problem) return strength.problem;
  if (passphrase !== confirm) return 'The two passphrases do not match.';
  return null;
}

/** Not checked (too short, still typing, or the estimator not loaded), or checked with its problem (null: strong enough). */
export type Strength = { checked: false } | { checked: true; problem: string | null };

const UNCHECKED: Strength = { checked: false };

/** The estimator's verdict on `passphrase` once it is long enough and typing has paused. */
export function usePassphraseStrength(passphrase: string, personal: string): Strength {
  const [check, setCheck] = useState<PassphraseCheck | null>(null);
  const [verdict, setVerdict] = useState<Strength>(UNCHECKED);
  useEffect(() => {
    let live = true;
    loadPassphraseCheck().then(
      (loaded) => live && setCheck(() => loaded),
      () => undefined, // main still checks on submit
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    setVerdict(UNCHECKED);
    if (!check || passphrase.length < MIN_PASSPHRASE_LENGTH) return;
    const timer = setTimeout(() => setVerdict({ checked: true, problem: check(passphrase, [personal]) }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [check, passphrase, personal]);
  return verdict;
}

/** What the hint under a new-passphrase field says. */
export function strengthHint(strength: Strength): string {
  if (!strength.checked) return `At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to type and hard to guess.`;
  return strength.problem ?? 'Hard enough to guess.';
}
