/** Client-side checks for a new passphrase; the service enforces the same minimum. */
export const MIN_PASSPHRASE_LENGTH = 12;

export function newPassphraseProblem(passphrase: string, confirm: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters (it has ${passphrase.length}).`;
  }
  if (passphrase !== confirm) return 'The two passphrases do not match.';
  return null;
}
