import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {actionFor, footerHints, keymap, keysMarkdownTable, scopes, type Binding, type Scope} from '../../source/keys/keymap.js';
import {tokenName, tokenize} from '../../source/keys/tokens.js';

const bindings = keymap as readonly Binding[];

/** Scopes that are live at the same time somewhere in the app. */
const together: ReadonlyArray<readonly Scope[]> = [
	['list', 'global'],
	['detail', 'global'],
	['help', 'global'],
	['filter'],
];

describe('keymap registry', () => {
	it('has unique ids and known scopes', () => {
		const ids = bindings.map((binding) => binding.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const binding of bindings) expect(scopes).toContain(binding.scope);
	});

	it('never binds one key twice among scopes that are active together', () => {
		for (const group of together) {
			const seen = new Map<string, string>();
			for (const binding of bindings.filter((b) => group.includes(b.scope))) {
				for (const key of binding.keys) {
					expect(seen.get(key), `${key} in ${binding.id} and ${seen.get(key)}`).toBeUndefined();
					seen.set(key, binding.id);
				}
			}
		}
	});

	it('has the keys the issue asks for', () => {
		const expectKey = (scope: Scope, key: string, id: string) => expect(actionFor([scope, 'global'], key)).toBe(id);
		expectKey('list', 'down', 'nav.down');
		expectKey('list', 'j', 'nav.down');
		expectKey('list', 'k', 'nav.up');
		expectKey('list', 'pagedown', 'nav.pageDown');
		expectKey('list', 'g', 'nav.top');
		expectKey('list', 'G', 'nav.bottom');
		expectKey('list', 'n', 'page.next');
		expectKey('list', 'p', 'page.prev');
		expectKey('list', 'enter', 'row.toggle');
		expectKey('list', 'space', 'row.toggle');
		expectKey('list', 'd', 'detail.open');
		expectKey('list', 'right', 'detail.open');
		expectKey('detail', 'escape', 'nav.back');
		expectKey('detail', 'left', 'nav.back');
		expectKey('list', '/', 'filter.company');
		expectKey('list', 't', 'filter.jobType');
		expectKey('list', 'c', 'filter.clear');
		expectKey('list', 'r', 'app.refresh');
		expectKey('list', 'y', 'copy.syncId');
		expectKey('list', 'Y', 'copy.requestId');
		expectKey('list', '?', 'app.help');
		expectKey('list', 'q', 'app.quit');
		expectKey('list', 'ctrl+c', 'app.quit');
		expectKey('list', 'h', 'health.open');
	});

	it('shows footer hints only for footer bindings of the active scopes', () => {
		const hints = footerHints(['list', 'global']).map((hint) => hint.hint);
		expect(hints).toContain('move');
		expect(hints).toContain('help');
		expect(hints).not.toContain('back');
	});

	it('matches the keys table in the README', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		expect(readme).toContain(keysMarkdownTable());
	});
});

describe('key tokens', () => {
	it('splits bursts of keys and escape sequences', () => {
		expect(tokenize('jj\r')).toEqual(['j', 'j', '\r']);
		expect(tokenize('\u001B[B\u001B[B')).toEqual(['\u001B[B', '\u001B[B']);
		expect(tokenize('\u001B[5~x')).toEqual(['\u001B[5~', 'x']);
		expect(tokenize('\u001Bj')).toEqual(['\u001B', 'j']);
		expect(tokenize('😀a')).toEqual(['😀', 'a']);
	});

	it('names keys as the registry spells them', () => {
		expect(tokenName('\u001B[A')).toBe('up');
		expect(tokenName('\u001BOB')).toBe('down');
		expect(tokenName('\u001B[6~')).toBe('pagedown');
		expect(tokenName('\u001B[1;5C')).toBe('right');
		expect(tokenName('\r')).toBe('enter');
		expect(tokenName(' ')).toBe('space');
		expect(tokenName('\u0003')).toBe('ctrl+c');
		expect(tokenName('\u007F')).toBe('backspace');
		expect(tokenName('\u001B')).toBe('escape');
		expect(tokenName('G')).toBe('G');
		expect(tokenName('\u0000')).toBeUndefined();
	});
});
