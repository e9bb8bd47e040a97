/**
 * Code search: the one entry for everything outside search/. Searching as you type
 * (search-codes.ts) and warming the indexes a search would build (warm.ts).
 */
export { searchCodes, versionsToSearch, type SearchInput } from './search-codes';
export { warmSearchIndexes } from './warm';
export { withSearchServedDuring } from './index-swap';
export { buildIndexParts, transferablesOf, type BuiltParts } from './index-parts';
