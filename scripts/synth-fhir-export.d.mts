// Types for tests importing the generator (the script itself is plain JavaScript, as scripts/ is).
export declare const RESOURCE_TYPES: readonly string[];
export declare const NAME_SYLLABLES: { start: readonly string[]; middle: readonly string[]; end: readonly string[] };
export declare function isSyllableName(word: string): boolean;
/** Writes `<out>/<Type>.000.ndjson` per resource type; returns each file's line count. */
export declare function generateExport(options: { encounters?: number; out: string; seed?: string }): Promise<Record<string, number>>;
/** One real PDF made with pdfkit (fixed dates: the same text gives the same bytes). */
export declare function makePdf(title: string, paragraphs: readonly string[]): Promise<Buffer>;
