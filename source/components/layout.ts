// The frame's line budget, free of Ink so that cli.tsx can size the first request before the
// explorer's code loads.

/** Title line above the body, two footer lines below it. */
export const frameChromeLines = 3;

/** Lines the list needs besides the table rows: filter line, paging line, table header. */
export const listChromeLines = 3;

/** Rows of the body for a terminal of `rows` lines (the frame stays one line shorter). */
export const bodyHeightFor = (rows: number): number => rows - 1 - frameChromeLines;

/** Table rows that fit: the default page size. */
export const visibleRowsFor = (rows: number): number => Math.max(1, bodyHeightFor(rows) - listChromeLines);
