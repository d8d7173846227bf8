// Faster, same-answer versions of the three @alcalzone/ansi-tokenize (0.2.5) functions Ink's Output
// builds every screen row with. Each row of a frame that changed is split into graphemes with
// Intl.Segmenter, given one copied style array per character and joined back with three Sets built
// per character: most of a page flip's row-building time and much of its garbage.
// - tokenize: text whose visible characters are all one cell wide (source/text-width.ts: none of
//   them joins a neighbour into one grapheme, and an escape is a grapheme of its own) is split per
//   UTF-16 unit instead; each SGR sequence is tokenized by the original, so its tokens are its own.
// - styledCharsFromTokens: characters between two escape codes share one style array (nothing
//   that reads them writes to them) instead of a copy each.
// - styledCharsToString: between characters of equal styles the original's diff is always empty,
//   so it is not worked out.
// Anything else goes to the original. test/fast-ansi-tokenize.test.ts checks all three against the
// originals on random styled text; the bundle puts them in front of the package (esbuild.config.mjs).
import {oneCellClass} from '../text-width.js';

export type AnsiCode = {readonly type: 'ansi'; readonly code: string; readonly endCode: string};
type CharToken = {readonly type: 'char'; readonly value: string; readonly fullWidth: boolean};
type Token = AnsiCode | CharToken;
type StyledChar = CharToken & {readonly styles: AnsiCode[]};

export type AnsiTokenize = {
	tokenize(text: string, endChar?: number): Token[];
	styledCharsFromTokens(tokens: Token[]): StyledChar[];
	styledCharsToString(chars: StyledChar[]): string;
	reduceAnsiCodesIncremental(codes: AnsiCode[], newCodes: AnsiCode[]): AnsiCode[];
	ansiCodesToString(codes: AnsiCode[]): string;
	diffAnsiCodes(from: AnsiCode[], to: AnsiCode[]): AnsiCode[];
};

/** The original's SGR grammar (findSGRSequenceEndIndex): ESC [, digits and semicolons, m. */
export const sgrSource = '\\u001B\\[[0-9;]*m';
const sgr = new RegExp(sgrSource, 'g');
const oneCellWithSgr = new RegExp(`^(?:[${oneCellClass}]|${sgrSource})*$`);

/** Text of one-cell characters and SGR sequences only: the text every fast way here takes. */
export const isOneCellStyledText = (text: string): boolean => oneCellWithSgr.test(text);

/** Whether two reduced style lists are the same (then the original's diff between them is empty). */
export const sameStyles = (a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean => {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) {
		if (a[index]!.code !== b[index]!.code || a[index]!.endCode !== b[index]!.endCode) return false;
	}
	return true;
};

export const fastAnsiTokenize = (real: AnsiTokenize): Pick<AnsiTokenize, 'tokenize' | 'styledCharsFromTokens' | 'styledCharsToString'> => {
	const codeTokens = new Map<string, AnsiCode[]>();
	const tokensOfCode = (code: string): AnsiCode[] => {
		let tokens = codeTokens.get(code);
		if (tokens === undefined) {
			tokens = real.tokenize(code) as AnsiCode[];
			if (codeTokens.size >= 1024) codeTokens.clear();
			codeTokens.set(code, tokens);
		}
		return tokens;
	};
	return {
		tokenize(text, endChar) {
			if (endChar !== undefined || !isOneCellStyledText(text)) return real.tokenize(text, endChar);
			const tokens: Token[] = [];
			let at = 0;
			sgr.lastIndex = 0;
			for (let match = sgr.exec(text); match; match = sgr.exec(text)) {
				for (; at < match.index; at++) tokens.push({type: 'char', value: text[at]!, fullWidth: false});
				for (const token of tokensOfCode(match[0])) tokens.push({...token});
				at = match.index + match[0].length;
			}
			for (; at < text.length; at++) tokens.push({type: 'char', value: text[at]!, fullWidth: false});
			return tokens;
		},
		styledCharsFromTokens(tokens) {
			let codes: AnsiCode[] = [];
			const chars: StyledChar[] = [];
			for (const token of tokens) {
				if (token.type === 'ansi') codes = real.reduceAnsiCodesIncremental(codes, [token]);
				else chars.push({...token, styles: codes});
			}
			return chars;
		},
		styledCharsToString(chars) {
			let out = '';
			for (let index = 0; index < chars.length; index++) {
				const char = chars[index]!;
				if (index === 0) out += real.ansiCodesToString(char.styles);
				else {
					const previous = chars[index - 1]!.styles;
					if (!sameStyles(previous, char.styles)) out += real.ansiCodesToString(real.diffAnsiCodes(previous, char.styles));
				}
				out += char.value;
				if (index === chars.length - 1) out += real.ansiCodesToString(real.diffAnsiCodes(char.styles, []));
			}
			return out;
		},
	};
};
