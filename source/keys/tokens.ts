// Raw terminal input -> key names. A chunk from the terminal may hold several keys (a held key or
// a paste over SSH, `tmux send-keys j j Enter`): it is split here, one token per key press, so a
// burst is handled exactly like the same keys typed slowly. (Ink's useInput parses a chunk as one
// key, so "jj\r" would be neither j nor Enter.)

const csiNames: Readonly<Record<string, string>> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
	Z: 'backtab',
	'1~': 'home',
	'7~': 'home',
	'4~': 'end',
	'8~': 'end',
	'5~': 'pageup',
	'6~': 'pagedown',
	'3~': 'delete',
	'2~': 'insert',
};

const isCsiParameter = (char: string | undefined) => char !== undefined && char >= '0' && char <= '?';
const isCsiIntermediate = (char: string | undefined) => char !== undefined && char >= ' ' && char <= '/';

/** Splits raw input into one token per key: escape sequences whole, other characters one by one. */
export const tokenize = (chunk: string): string[] => {
	const tokens: string[] = [];
	let index = 0;
	while (index < chunk.length) {
		const char = chunk[index];
		if (char === '\u001B') {
			const next = chunk[index + 1];
			if (next === '[') {
				let end = index + 2;
				// The Linux console sends ESC [ [ A for F1..F5.
				if (chunk[end] === '[') end++;
				while (isCsiParameter(chunk[end])) end++;
				while (isCsiIntermediate(chunk[end])) end++;
				tokens.push(chunk.slice(index, end + 1));
				index = end + 1;
				continue;
			}
			if (next === 'O' && index + 2 < chunk.length) {
				tokens.push(chunk.slice(index, index + 3));
				index += 3;
				continue;
			}
			// A lone Esc, or Esc typed just before another key: no Alt bindings exist, so it is Esc.
			tokens.push('\u001B');
			index++;
			continue;
		}
		const code = chunk.codePointAt(index) ?? 0;
		const single = String.fromCodePoint(code);
		tokens.push(single);
		index += single.length;
	}
	return tokens;
};

/** The registry's name for a token: a printable character as itself, or up, enter, ctrl+c ... */
export const tokenName = (token: string): string | undefined => {
	if (token.startsWith('\u001B[') || token.startsWith('\u001BO')) {
		const body = token.slice(2).replace(/^\[/, '');
		const final = body.at(-1) ?? '';
		if (final === '~') return csiNames[body.replace(/;.*(?=~)/, '')];
		return csiNames[final];
	}
	switch (token) {
		case '\r':
		case '\n':
			return 'enter';
		case '\t':
			return 'tab';
		case '\u007F':
		case '\b':
			return 'backspace';
		case '\u001B':
			return 'escape';
		case ' ':
			return 'space';
		default:
			break;
	}
	const code = token.codePointAt(0) ?? 0;
	if (token.length === 1 && code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
	if (code < 32 || (code >= 0x7f && code <= 0x9f)) return undefined;
	return token;
};

/** A name that types a character into a text input. */
export const isPrintable = (name: string): boolean => [...name].length === 1 || name === 'space';
