import {Chalk} from 'chalk';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
// Ink's own Output, the reference (ink exports only its entry point, hence the path).
import InkOutput from '../node_modules/ink/build/output.js';
import {rowMemoOutput, type InkOutput as OutputLike, type InkOutputClass} from '../source/ink/row-memo-output.js';

const chalk = new Chalk({level: 3});
type Transformer = (line: string, index: number) => string;
const transformers: Record<string, Transformer> = {
	upper: (line) => line.toUpperCase(),
	green: (line) => chalk.green(line),
	marker: (line, index) => (index % 2 === 1 ? line : `>${line}`),
	bold: (line) => chalk.bold(line),
};

const piece = fc.oneof(
	fc.constantFrom('a', 'bc', ' ', '  x', 'row 1207960', '✔ SUCCESS', '…', '界', '😀', 'e\u0301', '│', '\t'),
	fc.string({maxLength: 6}),
);
const styled = fc.tuple(piece, fc.constantFrom('none', 'red', 'bold', 'bgBlue', 'dim', 'inverse')).map(([text, style]) =>
	style === 'none' ? text : chalk[style as 'red'](text),
);
const line = fc.array(styled, {maxLength: 5}).map((parts) => parts.join(''));
const text = fc.array(line, {minLength: 1, maxLength: 3}).map((lines) => lines.join('\n'));
// Only one-cell text and SGR codes, the rows the explorer draws, which take rowMemoOutput's fast way.
const oneCellPiece = fc.constantFrom<string>('a', 'bc', ' ', '  x', 'row 1207960', '✔ SUCCESS', '✖', '…', '│', '›', '▾', '⠋', '—', 'é', '   ');
const oneCellStyled = fc
	.tuple(oneCellPiece, fc.subarray(['red', 'green', 'bold', 'dim', 'bgBlue', 'inverse', 'gray'] as const, {maxLength: 3}), fc.constantFrom('', '\u001B[0m', '\u001B[1;31m', '\u001B[m', '\u001B[22m'))
	.map(([piece, styles, raw]) => {
		let out = piece;
		for (const style of styles) out = chalk[style](out);
		return raw + out;
	});
const oneCellText = fc.array(fc.array(oneCellStyled, {maxLength: 5}).map((parts) => parts.join('')), {minLength: 1, maxLength: 2}).map((lines) => lines.join('\n'));
const coordinate = (max: number) => fc.oneof(fc.integer({min: -3, max: max + 3}), fc.constant(0.5));
const bound = (max: number) => fc.option(fc.integer({min: -1, max: max + 2}), {nil: undefined});

type Op =
	| {type: 'write'; x: number; y: number; text: string; transformers: string[]}
	| {type: 'clip'; clip: {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined}}
	| {type: 'unclip'};

const ops = (width: number, height: number, texts: fc.Arbitrary<string> = text): fc.Arbitrary<Op[]> =>
	fc.array(
		fc.oneof(
			{weight: 6, arbitrary: fc.record({type: fc.constant('write' as const), x: coordinate(width), y: coordinate(height), text: texts, transformers: fc.subarray(Object.keys(transformers))})},
			{weight: 1, arbitrary: fc.record({type: fc.constant('clip' as const), clip: fc.record({x1: bound(width), x2: bound(width), y1: bound(height), y2: bound(height)})})},
			{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
		),
		{maxLength: 12},
	);

const draw = (Output: InkOutputClass, width: number, height: number, operations: readonly Op[]) => {
	const output: OutputLike = new Output({width, height});
	for (const op of operations) {
		if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers.map((name) => transformers[name]!)});
		else if (op.type === 'clip') output.clip(op.clip);
		else output.unclip();
	}
	return output.get();
};

/** rowMemoOutput over Ink's Output, counting the rows it has Ink's Output build. */
const counting = () => {
	let built = 0;
	const Counting = class extends InkOutput {
		constructor(options: {width: number; height: number}) {
			super(options);
			built++;
		}
	};
	return {Memo: rowMemoOutput(Counting), built: () => built};
};

describe('rowMemoOutput', () => {
	it('gives the frames Ink’s Output gives, for random writes, clips and transformers, frame after frame', () => {
		const Memo = rowMemoOutput(InkOutput);
		fc.assert(
			fc.property(
				fc.integer({min: 1, max: 24}).chain((width) =>
					fc.integer({min: 1, max: 6}).chain((height) =>
						// Frames that share writes, as consecutive frames do, so the memo is hit as well as missed.
						fc.tuple(ops(width, height), fc.array(ops(width, height), {minLength: 1, maxLength: 3})).map(([common, frames]) => ({
							width,
							height,
							frames: frames.map((own, index) => (index % 2 === 0 ? [...common, ...own] : [...own, ...common])),
						})),
					),
				),
				({width, height, frames}) => {
					for (const operations of frames) expect(draw(Memo, width, height, operations)).toEqual(draw(InkOutput, width, height, operations));
				},
			),
			{numRuns: 400},
		);
	});

	it('gives the frames Ink’s Output gives for one-cell styled text (its fast way), overlaps and clips included', () => {
		const Memo = rowMemoOutput(InkOutput);
		fc.assert(
			fc.property(
				fc.integer({min: 1, max: 30}).chain((width) =>
					fc.integer({min: 1, max: 5}).chain((height) => fc.array(ops(width, height, oneCellText), {minLength: 1, maxLength: 3}).map((frames) => ({width, height, frames}))),
				),
				({width, height, frames}) => {
					for (const operations of frames) expect(draw(Memo, width, height, operations)).toEqual(draw(InkOutput, width, height, operations));
				},
			),
			{numRuns: 1000},
		);
	});

	it('builds one-cell rows without Ink’s Output, and other rows with it', () => {
		const {Memo, built} = counting();
		const rows: Op[] = [
			{type: 'write', x: 0, y: 0, text: `› 1207960 ${chalk.green('✔ SUCCESS')}`, transformers: ['bold']},
			{type: 'write', x: 0, y: 1, text: '  1207959 界', transformers: []},
		];
		expect(draw(Memo, 40, 2, rows)).toEqual(draw(InkOutput, 40, 2, rows));
		expect(built()).toBe(1);
	});

	it('builds only the rows whose writes changed since the frame before', () => {
		const {Memo, built} = counting();
		const frame = (selected: number) =>
			Array.from({length: 20}, (_, row): Op => ({type: 'write', x: 0, y: row, text: `${row === selected ? '›' : ' '} sync ${row} 界`, transformers: row === selected ? ['bold'] : []}));
		draw(Memo, 40, 20, frame(0));
		const before = built();
		const moved = draw(Memo, 40, 20, frame(1));
		expect(built() - before).toBe(2);
		expect(moved).toEqual(draw(InkOutput, 40, 20, frame(1)));
	});

	it('falls back to Ink’s Output for the whole frame when a transformer adds a line break', () => {
		const Memo = rowMemoOutput(InkOutput);
		const output = new Memo({width: 10, height: 3});
		output.write(0, 0, 'ab', {transformers: [(text) => `${text}\nc`]});
		output.write(0, 1, 'row two', {transformers: []});
		const reference = new InkOutput({width: 10, height: 3});
		reference.write(0, 0, 'ab', {transformers: [(text) => `${text}\nc`]});
		reference.write(0, 1, 'row two', {transformers: []});
		expect(output.get()).toEqual(reference.get());
	});
});
