// Semantic colour tokens. Components name a meaning (status.error, text.muted), never a colour, so
// the no-colour theme (NO_COLOR, --no-color, TERM=dumb) is one switch and every status still reads
// by its symbol or word.
import {createContext, useContext} from 'react';
import type {StatusTone} from './format.js';

export type Tone = {
	/** An Ink colour name, or undefined for the terminal's default. */
	readonly color?: string | undefined;
	readonly background?: string | undefined;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly inverse?: boolean;
};

export type Theme = {
	readonly color: boolean;
	readonly status: Readonly<Record<StatusTone, Tone>>;
	readonly text: {
		readonly normal: Tone;
		readonly muted: Tone;
		readonly title: Tone;
		readonly accent: Tone;
		readonly key: Tone;
	};
	readonly row: {
		readonly selected: Tone;
		readonly header: Tone;
	};
	readonly badge: {
		readonly demo: Tone;
		readonly stale: Tone;
	};
};

export const colorTheme: Theme = {
	color: true,
	status: {
		success: {color: 'green'},
		warning: {color: 'yellow'},
		error: {color: 'red', bold: true},
		info: {color: 'cyan'},
		muted: {color: 'gray'},
	},
	text: {
		normal: {},
		muted: {color: 'gray'},
		title: {bold: true},
		accent: {color: 'cyan'},
		key: {color: 'cyan', bold: true},
	},
	row: {
		selected: {inverse: true},
		header: {bold: true, color: 'gray'},
	},
	badge: {
		demo: {color: 'black', background: 'yellow', bold: true},
		stale: {color: 'yellow', bold: true},
	},
};

/** Attributes only (bold, inverse): they are not colour, and the selection must stay visible. */
export const noColorTheme: Theme = {
	color: false,
	status: {success: {}, warning: {}, error: {bold: true}, info: {}, muted: {}},
	text: {normal: {}, muted: {}, title: {bold: true}, accent: {}, key: {bold: true}},
	row: {selected: {inverse: true}, header: {bold: true}},
	badge: {demo: {inverse: true, bold: true}, stale: {bold: true}},
};

export const themeFor = (color: boolean): Theme => (color ? colorTheme : noColorTheme);

export const ThemeContext = createContext<Theme>(colorTheme);

export const useTheme = (): Theme => useContext(ThemeContext);

/** Props for an Ink <Text> from a token. */
export const toneProps = (
	tone: Tone,
): {color?: string; backgroundColor?: string; bold?: boolean; dimColor?: boolean; inverse?: boolean} => ({
	...(tone.color === undefined ? {} : {color: tone.color}),
	...(tone.background === undefined ? {} : {backgroundColor: tone.background}),
	...(tone.bold ? {bold: true} : {}),
	...(tone.dim ? {dimColor: true} : {}),
	...(tone.inverse ? {inverse: true} : {}),
});
