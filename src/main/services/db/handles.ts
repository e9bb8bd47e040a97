/**
 * The two databases as distinct types. A workspace handle comes only from openWorkspace and
 * a content handle only from openContentDb, so a service that takes one cannot be handed the
 * other by mistake (the PHI database where code sets are expected, or the reverse).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

declare const workspaceBrand: unique symbol;
declare const contentBrand: unique symbol;

/** The encrypted workspace of one profile (PHI). */
export type WorkspaceDb = Database.Database & { readonly [workspaceBrand]: true };

/** The code-set database (not PHI, unencrypted). */
export type ContentDb = Database.Database & { readonly [contentBrand]: true };
