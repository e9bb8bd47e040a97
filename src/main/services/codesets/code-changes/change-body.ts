/** What changed between two versions, before display: both ways of finding it (addenda, code tables) give this. */
export interface ChangeBody {
  added: { code: string; title: string }[];
  deleted: { code: string; title: string }[];
  revised: { code: string; before: string; after: string }[];
  billableChanged: { code: string; title: string; billable: boolean }[];
  /** The addenda file used, or null for a comparison of the code tables. */
  basis: string | null;
}
