// Ink's Output, remembering each screen row's text between frames. Ink's own (ink/build/output.js,
// 6.6.0) builds a grid of styled-character objects for the whole screen on every frame and turns
// every row of it back into a string: on a cursor move, where two rows change, that is nearly all
// of the frame's CPU. A row's text depends only on the writes that land on it (their x and their
// clipped, transformed line), so this class works those out exactly as Ink does, then takes each
// row from a memo keyed by them; only a row whose writes changed is built, by Ink's own Output
// (one row high, the same writes at y 0). The bundle puts it in front of Ink's (esbuild.config.mjs);
// test/ink-output.test.ts checks that both give the same frames for random writes and clips.
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import widestLine from 'widest-line';
import {isOneCellStyledText, sameStyles, sgrSource, type AnsiCode} from './fast-ansi-tokenize.js';

type Transformer = (line: string, index: number) => string;

type Clip = {
	readonly x1: number | undefined;
	readonly x2: number | undefined;
	readonly y1: number | undefined;
	readonly y2: number | undefined;
};

type Operation =
	| {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: readonly Transformer[]}
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};

/** What Ink's Output class offers (and what its renderer uses). */
export type InkOutput = {
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: Clip): void;
	unclip(): void;
	get(): {output: string; height: number};
};
export type InkOutputClass = new (options: {width: number; height: number}) => InkOutput;

/** Rows of recent frames by their writes; cleared when it outgrows a few screens' worth. */
const rowMemo = new Map<string, string>();
const rowMemoLimit = 4096;

/**
 * sliceAnsi, remembered: every line inside a box that clips sideways (the detail, health and help
 * screens' scrolled lines) is cut to the box on every frame, mostly the same lines as the frame
 * before. It is a pure function of its arguments; a cut that leaves the line whole may still
 * rewrite its escape codes, so it is not skipped.
 */
const slices = new Map<string, string>();
const slice = (line: string, from: number, to: number): string => {
	const key = `${from}:${to}:${line}`;
	let cut = slices.get(key);
	if (cut === undefined) {
		if (slices.size >= 4096) slices.clear();
		cut = sliceAnsi(line, from, to);
		slices.set(key, cut);
	}
	return cut;
};

const noStyles: AnsiCode[] = [];
// Its own: the tokenize this calls inside its loop runs the other module's pattern.
const sgr = new RegExp(sgrSource, 'g');

/**
 * The row Ink's Output makes of `writes` when every line is one-cell text and SGR codes (the
 * explorer's rows): the same steps (a row of blank cells, each line's characters laid over it from
 * its x, at array indexes only, then the cells joined with the style changes between them and the
 * end trimmed), but with a character and a shared style list per cell instead of an object per
 * cell built from tokens. Undefined for any other line. test/ink-output.test.ts checks the frames.
 */
const fastRow = (width: number, writes: ReadonlyArray<readonly [number, string]>): string | undefined => {
	for (const [, line] of writes) if (!isOneCellStyledText(line)) return undefined;
	const values: string[] = [];
	const styles: AnsiCode[][] = [];
	for (let x = 0; x < width; x++) {
		values.push(' ');
		styles.push(noStyles);
	}
	for (const [x, line] of writes) {
		let at = x;
		let codes = noStyles;
		let from = 0;
		const lay = (to: number) => {
			for (; from < to; from++, at++) {
				// Ink assigns cells by index: a negative or fractional x lands nowhere.
				if (at >= 0 && Number.isInteger(at)) {
					values[at] = line[from]!;
					styles[at] = codes;
				}
			}
		};
		sgr.lastIndex = 0;
		for (let match = sgr.exec(line); match; match = sgr.exec(line)) {
			lay(match.index);
			codes = reduceAnsiCodesIncremental(codes, tokenize(match[0]) as AnsiCode[]);
			from = match.index + match[0].length;
		}
		lay(line.length);
	}
	let out = '';
	let previous: AnsiCode[] | undefined;
	for (let index = 0; index < values.length; index++) {
		const value = values[index];
		// Ink drops the holes a write past the end leaves.
		if (value === undefined) continue;
		const style = styles[index]!;
		if (previous === undefined) out += ansiCodesToString(style);
		else if (!sameStyles(previous, style)) out += ansiCodesToString(diffAnsiCodes(previous, style));
		out += value;
		previous = style;
	}
	if (previous !== undefined) out += ansiCodesToString(diffAnsiCodes(previous, []));
	return out.trimEnd();
};

/** The row `writes` make, built by Ink's Output itself: the lines are already clipped and transformed. */
const buildRow = (Base: InkOutputClass, width: number, writes: ReadonlyArray<readonly [number, string]>): string => {
	const fast = fastRow(width, writes);
	if (fast !== undefined) return fast;
	const row = new Base({width, height: 1});
	for (const [x, line] of writes) row.write(x, 0, line, {transformers: []});
	return row.get().output;
};

export const rowMemoOutput = (Base: InkOutputClass): InkOutputClass =>
	class RowMemoOutput implements InkOutput {
		readonly width: number;
		readonly height: number;
		readonly #operations: Operation[] = [];

		constructor({width, height}: {width: number; height: number}) {
			this.width = width;
			this.height = height;
		}

		write(x: number, y: number, text: string, {transformers}: {transformers: Transformer[]}): void {
			if (!text) return;
			this.#operations.push({type: 'write', x, y, text, transformers});
		}

		clip(clip: Clip): void {
			this.#operations.push({type: 'clip', clip});
		}

		unclip(): void {
			this.#operations.push({type: 'unclip'});
		}

		get(): {output: string; height: number} {
			// Each row's writes as [x, line], in order (a later write covers an earlier one).
			const rows: Array<Array<readonly [number, string]>> = Array.from({length: this.height}, () => []);
			const clips: Clip[] = [];
			for (const operation of this.#operations) {
				if (operation.type === 'clip') clips.push(operation.clip);
				if (operation.type === 'unclip') clips.pop();
				if (operation.type !== 'write') continue;
				// From here to the transformers, Ink's Output.get() line for line.
				const {text, transformers} = operation;
				let {x, y} = operation;
				let lines = text.split('\n');
				const clip = clips.at(-1);
				if (clip) {
					const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
					const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
					if (clipHorizontally) {
						const width = widestLine(text);
						if (x + width < clip.x1! || x > clip.x2!) continue;
					}
					if (clipVertically) {
						if (y + lines.length < clip.y1! || y > clip.y2!) continue;
					}
					if (clipHorizontally) {
						lines = lines.map((line) => {
							const from = x < clip.x1! ? clip.x1! - x : 0;
							const width = stringWidth(line);
							const to = x + width > clip.x2! ? clip.x2! - x : width;
							return slice(line, from, to);
						});
						if (x < clip.x1!) x = clip.x1!;
					}
					if (clipVertically) {
						const from = y < clip.y1! ? clip.y1! - y : 0;
						const height = lines.length;
						const to = y + height > clip.y2! ? clip.y2! - y : height;
						lines = lines.slice(from, to);
						if (y < clip.y1!) y = clip.y1!;
					}
				}
				let offsetY = 0;
				for (let [index, line] of lines.entries()) {
					// Ink indexes an array here: a row outside it (or at a fractional y) takes nothing, and
					// the next line is tried on that same row, not the one below.
					const row = rows[y + offsetY];
					if (!row) continue;
					for (const transformer of transformers) line = transformer(line, index);
					// A transformer that adds a line break: Ink puts the break into this row's cells,
					// which a one-row replay cannot do. No transformer of Ink's does; Ink's way for all rows.
					if (line.includes('\n')) return this.#replayAll(Base);
					row.push([x, line]);
					offsetY++;
				}
			}
			if (rowMemo.size > rowMemoLimit) rowMemo.clear();
			const output = rows.map((writes) => {
				let key = `${this.width}`;
				for (const [x, line] of writes) key += `|${x}:${line.length}:${line}`;
				let row = rowMemo.get(key);
				if (row === undefined) {
					row = buildRow(Base, this.width, writes);
					rowMemo.set(key, row);
				}
				return row;
			});
			return {output: output.join('\n'), height: this.height};
		}

		#replayAll(Base: InkOutputClass): {output: string; height: number} {
			const output = new Base({width: this.width, height: this.height});
			for (const operation of this.#operations) {
				if (operation.type === 'write') output.write(operation.x, operation.y, operation.text, {transformers: [...operation.transformers]});
				else if (operation.type === 'clip') output.clip(operation.clip);
				else output.unclip();
			}
			return output.get();
		}
	};
