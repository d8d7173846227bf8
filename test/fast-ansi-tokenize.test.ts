// source/ink/fast-ansi-tokenize.ts against @alcalzone/ansi-tokenize itself, on random styled text:
// the same tokens, the same styled characters, the same strings back, and the same screen rows
// when used the way Ink's Output uses them.
import * as real from '@alcalzone/ansi-tokenize';
import {Chalk} from 'chalk';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {fastAnsiTokenize, type AnsiTokenize} from '../source/ink/fast-ansi-tokenize.js';

const original = real as unknown as AnsiTokenize;
const fast = fastAnsiTokenize(original);
const chalk = new Chalk({level: 3});

const piece = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom('a', 'bc', ' ', '  x', 'row 1207960', '✔ SUCCESS', '✖ FAILED', '…', '│', '›', '▾', '⠋', '—', 'é', '→', '≥')},
	// What never takes the fast way: wide, joined, combining, control and half-escaped text.
	{weight: 2, arbitrary: fc.constantFrom('界', '😀', '👍🏽', '🇩🇪', 'e\u0301', '\u200d', '\u00ad', '\t', '\r\n', '\u001B[', '\u001B]8;;https://x\u0007', '\u009B31m', '\u001B[38;5;', 'ｱ')},
	{weight: 1, arbitrary: fc.string({maxLength: 4})},
	{weight: 1, arbitrary: fc.string({maxLength: 4, unit: 'grapheme'})},
);
const styles = ['none', 'red', 'green', 'bold', 'dim', 'bgBlue', 'inverse', 'underline', 'gray'] as const;
const styled = fc
	.tuple(piece, fc.subarray([...styles], {maxLength: 3}), fc.constantFrom('', '\u001B[0m', '\u001B[1;31m', '\u001B[38;2;1;2;3m', '\u001B[m', '\u001B[22m', '\u001B[39;49m'))
	.map(([text, chosen, raw]) => {
		let out = text;
		for (const style of chosen) if (style !== 'none') out = chalk[style](out);
		return raw + out;
	});
const line = fc.array(styled, {maxLength: 6}).map((parts) => parts.join(''));

describe('fastAnsiTokenize', () => {
	it('tokenizes as the original does', () => {
		fc.assert(
			fc.property(line, (text) => {
				expect(fast.tokenize(text)).toEqual(original.tokenize(text));
			}),
			{numRuns: 2000},
		);
	});

	it('gives the same styled characters and the same string back', () => {
		fc.assert(
			fc.property(line, (text) => {
				const tokens = original.tokenize(text);
				const chars = fast.styledCharsFromTokens(tokens);
				expect(chars).toEqual(original.styledCharsFromTokens(tokens));
				expect(fast.styledCharsToString(chars)).toBe(original.styledCharsToString(original.styledCharsFromTokens(tokens)));
			}),
			{numRuns: 2000},
		);
	});

	it('builds the same screen rows as Ink does with the originals', () => {
		// Ink's Output: a row of blank cells, each write's characters laid over it from its x, then
		// the row turned back into a string and trimmed.
		const row = (lib: Pick<AnsiTokenize, 'tokenize' | 'styledCharsFromTokens' | 'styledCharsToString'>, width: number, writes: ReadonlyArray<readonly [number, string]>) => {
			const cells: Array<{type: 'char'; value: string; fullWidth: boolean; styles: unknown[]}> = Array.from({length: width}, () => ({type: 'char', value: ' ', fullWidth: false, styles: []}));
			for (const [x, text] of writes) {
				let at = x;
				for (const char of lib.styledCharsFromTokens(lib.tokenize(text))) {
					cells[at] = char as (typeof cells)[number];
					at += char.fullWidth ? 2 : 1;
				}
			}
			return lib.styledCharsToString(cells.filter(Boolean) as Parameters<AnsiTokenize['styledCharsToString']>[0]).trimEnd();
		};
		fc.assert(
			fc.property(fc.integer({min: 1, max: 40}), fc.array(fc.tuple(fc.integer({min: 0, max: 30}), line), {maxLength: 4}), (width, writes) => {
				expect(row(fast, width, writes)).toBe(row(original, width, writes));
			}),
			{numRuns: 1000},
		);
	});

	it('takes the fast way for the explorer\'s rows (and so cannot pass by always deferring)', () => {
		// Fast-way tokens are fresh objects; the original's SGR tokens are too, so compare the path
		// by what it calls: a tokenizer that fails on whole rows.
		let calls = 0;
		const counting = fastAnsiTokenize({
			...original,
			tokenize: (text: string, endChar?: number) => {
				calls++;
				if (!text.startsWith('\u001B[') || text.lastIndexOf('\u001B[') !== 0) throw new Error(`whole row to the original: ${JSON.stringify(text)}`);
				return original.tokenize(text, endChar);
			},
		});
		const row = `› 1014990  ${chalk.green('✔ SUCCESS')}  Acme Ltd…  PULL  ${chalk.dim('3m ago')}  │`;
		expect(counting.tokenize(row)).toEqual(original.tokenize(row));
		expect(calls).toBeGreaterThan(0);
		expect(() => counting.tokenize('界 wide')).toThrow(/whole row/);
	});
});
