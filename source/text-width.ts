// Text whose width in terminal cells is its length: every character is one cell wide alone and
// beside any other (no combining marks, joiners, variation selectors, East Asian wide forms or
// emoji that draw two cells by default). The bundle's string-width front (esbuild.config.mjs)
// answers such text without loading string-width; test/text-width.test.ts checks every
// character listed here against string-width itself.

/** The one-cell characters, as the inside of a RegExp character class. */
export const oneCellClass = [
	'\\u0020-\\u007e', // printable ASCII
	'\\u00a0-\\u00ac\\u00ae-\\u00ff', // Latin-1 (not the soft hyphen, which draws nothing)
	'\\u2010-\\u2027\\u2030-\\u205e', // punctuation: dashes, quotes, bullets, ellipsis, guillemets
	'\\u2190-\\u21ff', // arrows
	'\\u2200-\\u22ff', // mathematical operators
	'\\u2500-\\u25fc\\u25ff', // box drawing, blocks, shapes (not the two emoji squares ◽ ◾)
	'\\u2713\\u2714\\u2716\\u2717', // check marks and crosses
	'\\u2800-\\u28ff', // braille (spinners)
].join('');

const oneCellText = new RegExp(`^[${oneCellClass}]*$`);

export const isOneCellText = (text: string): boolean => oneCellText.test(text);
