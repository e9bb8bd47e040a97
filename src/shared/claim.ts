/** The claim a payer's editor would check, and its findings (the edits issue). */
import { z } from 'zod';

const code = z.string().trim().min(1).max(10).regex(/^[A-Za-z0-9.]+$/, 'a code has letters, digits and an optional dot');

export const claimSchema = z
  .object({
    setting: z.enum(['inpatient', 'outpatient', 'professional']),
    dateOfService: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
    patient: z.object({ age: z.number().int().min(0).max(124), sex: z.enum(['F', 'M', 'U']) }).strict(),
    diagnoses: z
      .array(
        z
          .object({
            code,
            poa: z.enum(['Y', 'N', 'U', 'W', '1', 'E', '']).nullable().optional(),
            principal: z.boolean().optional(),
          })
          .strict(),
      )
      .max(50),
    procedures: z
      .array(
        z
          .object({
            code,
            modifiers: z.array(z.string().regex(/^[A-Za-z0-9]{2}$/, 'a modifier has 2 characters')).max(4).default([]),
            units: z.number().int().min(1).max(9999).default(1),
            /**
             * Diagnosis pointers (CMS-1500 box 24E): up to 4 letters A–L naming the claim's
             * diagnoses by position (A = the first), the line's primary diagnosis first.
             * Professional claims only; facility claims (UB-04) have no line pointers.
             */
            pointers: z
              .array(z.string().regex(/^[A-La-l]$/, 'a diagnosis pointer is a letter A to L'))
              .max(4, 'at most 4 diagnosis pointers on a line')
              .default([])
              .transform((ps) => ps.map((p) => p.toUpperCase()))
              .refine((ps) => new Set(ps).size === ps.length, 'a line points at each diagnosis once'),
          })
          .strict(),
      )
      .max(100)
      .default([]),
  })
  .strict();
export type Claim = z.output<typeof claimSchema>;
export type ClaimInput = z.input<typeof claimSchema>;

/** Box 24E letters: a pointer names one of the first 12 diagnoses (box 21 A–L). */
export const POINTER_LETTERS = 'ABCDEFGHIJKL';
export const MAX_POINTERS = 4;
export const pointerLetter = (dxIndex: number): string | null => POINTER_LETTERS[dxIndex] ?? null;

export type FindingSeverity = 'error' | 'warning' | 'note';

export interface Finding {
  /** Stable edit id, e.g. "mce.age.newborn", "ncci.ptp", "tabular.excludes1". */
  edit: string;
  /** error blocks, warning needs an acknowledgement, note says what could not be checked. */
  severity: FindingSeverity;
  codes: string[];
  message: string;
  /** File, version and row or note the finding comes from. */
  source: string;
}
