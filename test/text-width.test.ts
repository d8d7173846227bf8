import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {isOneCellText, oneCellClass} from '../source/text-width.js';

/** Every code point the class lists, from its ranges and single characters. */
const listed = (): number[] => {
	const points: number[] = [];
	const text = oneCellClass.replaceAll(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
	for (let index = 0; index < text.length; index++) {
		const from = text.codePointAt(index)!;
		if (text[index + 1] === '-') {
			const to = text.codePointAt(index + 2)!;
			for (let point = from; point <= to; point++) points.push(point);
			index += 2;
		} else points.push(from);
	}
	return points;
};

describe('isOneCellText', () => {
	const points = listed();

	it('lists the characters the explorer draws', () => {
		for (const mark of '·✖…›✔●○▾▲░█▓▒—↓↑←→⠋⠼◐∅ ü') expect(points, mark).toContain(mark.codePointAt(0));
	});

	it('agrees with string-width for every listed character, alone and between others', () => {
		const wrong: string[] = [];
		for (const point of points) {
			const char = String.fromCodePoint(point);
			// Beside ASCII, itself and a wide character: nothing listed may join a neighbour's cluster.
			const cases = [char, `a${char}b`, `${char}${char}`, `漢${char}`, `${char}漢`];
			for (const text of cases) {
				if (!isOneCellText(text.replaceAll('漢', ''))) wrong.push(`${point.toString(16)}: not one-cell`);
				const expected = [...text].reduce((width, c) => width + (c === '漢' ? 2 : 1), 0);
				if (stringWidth(text) !== expected) wrong.push(`U+${point.toString(16)} in ${JSON.stringify(text)}: string-width ${stringWidth(text)}, not ${expected}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('sends everything else to string-width', () => {
		for (const text of ['漢字', 'e\u0301', '👍', '\u25fd', '✅', 'a\u200db', '\u00ad', 'x\ufe0f', '\u001b[31m', '\t', 'ä\u0308']) {
			expect(isOneCellText(text), JSON.stringify(text)).toBe(false);
		}
		expect(isOneCellText('')).toBe(true);
		expect(isOneCellText('› 1014990 PULL ✔ done · 3 of 4 — ok')).toBe(true);
	});
});
