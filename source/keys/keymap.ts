// The one keymap registry. Handlers, footer hints, the help overlay and the README keys table are
// all read from this list, so they cannot disagree.

export const scopes = ['global', 'list', 'detail', 'help', 'filter'] as const;
export type Scope = (typeof scopes)[number];

export type Binding = {
	readonly id: string;
	/** Canonical key names (see keyNameOf): a character, or up, down, pageup, enter, escape, ctrl+c ... */
	readonly keys: readonly string[];
	readonly description: string;
	readonly scope: Scope;
	/** Shown in the footer's hint line. */
	readonly footer: boolean;
	/** The footer's short word for it. */
	readonly hint?: string;
};

export const keymap = [
	{id: 'nav.down', keys: ['down', 'j'], description: 'move down', scope: 'list', footer: true, hint: 'move'},
	{id: 'nav.up', keys: ['up', 'k'], description: 'move up', scope: 'list', footer: false},
	{id: 'nav.pageDown', keys: ['pagedown'], description: 'down one screen (in page)', scope: 'list', footer: false},
	{id: 'nav.pageUp', keys: ['pageup'], description: 'up one screen (in page)', scope: 'list', footer: false},
	{id: 'nav.top', keys: ['g', 'home'], description: 'first row of the page', scope: 'list', footer: false},
	{id: 'nav.bottom', keys: ['G', 'end'], description: 'last row of the page', scope: 'list', footer: false},
	{id: 'page.next', keys: ['n'], description: 'next page', scope: 'list', footer: true, hint: 'page'},
	{id: 'page.prev', keys: ['p'], description: 'previous page', scope: 'list', footer: false},
	{id: 'page.first', keys: ['<'], description: 'first page', scope: 'list', footer: false},
	{id: 'page.last', keys: ['>'], description: 'last page', scope: 'list', footer: false},
	{id: 'page.bigger', keys: ['+', '='], description: 'more syncs per page', scope: 'list', footer: false},
	{id: 'page.smaller', keys: ['-'], description: 'fewer syncs per page', scope: 'list', footer: false},
	{id: 'row.toggle', keys: ['enter', 'space'], description: 'expand / collapse models', scope: 'list', footer: true, hint: 'expand'},
	{id: 'detail.open', keys: ['d', 'right'], description: 'open the detail screen', scope: 'list', footer: true, hint: 'detail'},
	{id: 'health.open', keys: ['h'], description: 'company health (this row)', scope: 'list', footer: false},
	{id: 'filter.company', keys: ['/'], description: 'filter by company id', scope: 'list', footer: true, hint: 'company'},
	{id: 'filter.jobType', keys: ['t'], description: 'job type: All / PULL / PUSH', scope: 'list', footer: true, hint: 'job'},
	{id: 'filter.clear', keys: ['c'], description: 'clear all filters', scope: 'list', footer: false},
	{id: 'copy.syncId', keys: ['y'], description: 'copy sync id (OSC 52)', scope: 'list', footer: false},
	{id: 'detail.down', keys: ['down', 'j'], description: 'scroll down', scope: 'detail', footer: false},
	{id: 'detail.up', keys: ['up', 'k'], description: 'scroll up', scope: 'detail', footer: false},
	{id: 'detail.copySyncId', keys: ['y'], description: 'copy sync id (OSC 52)', scope: 'detail', footer: true, hint: 'copy id'},
	{id: 'nav.back', keys: ['escape', 'left'], description: 'back (same row and page)', scope: 'detail', footer: true, hint: 'back'},
	{id: 'picker.down', keys: ['down', 'j'], description: 'next job type choice', scope: 'filter', footer: true, hint: 'choose'},
	{id: 'picker.up', keys: ['up', 'k'], description: 'previous job type choice', scope: 'filter', footer: false},
	{id: 'filter.submit', keys: ['enter'], description: 'apply the filter', scope: 'filter', footer: true, hint: 'apply'},
	{id: 'filter.cancel', keys: ['escape'], description: 'cancel editing', scope: 'filter', footer: true, hint: 'cancel'},
	{id: 'help.close', keys: ['escape'], description: 'close the help', scope: 'help', footer: true, hint: 'close'},
	{id: 'help.down', keys: ['down', 'j'], description: 'scroll down', scope: 'help', footer: false},
	{id: 'help.up', keys: ['up', 'k'], description: 'scroll up', scope: 'help', footer: false},
	{id: 'app.refresh', keys: ['r'], description: 'refresh now / retry', scope: 'global', footer: true, hint: 'refresh'},
	{id: 'copy.requestId', keys: ['Y'], description: 'copy last request_id', scope: 'global', footer: false},
	{id: 'app.help', keys: ['?'], description: 'show / hide this help', scope: 'global', footer: true, hint: 'help'},
	{id: 'app.quit', keys: ['q', 'ctrl+c'], description: 'quit', scope: 'global', footer: true, hint: 'quit'},
] as const satisfies readonly Binding[];

export type ActionId = (typeof keymap)[number]['id'];

export const bindingOf = (id: ActionId): Binding => {
	const found = (keymap as readonly Binding[]).find((binding) => binding.id === id);
	if (!found) throw new Error(`no binding ${id}`);
	return found;
};

/** The action bound to a key name in the first of the scopes (in order) that binds it. */
export const actionFor = (activeScopes: readonly Scope[], name: string): ActionId | undefined => {
	for (const scope of activeScopes) {
		const found = keymap.find((binding) => binding.scope === scope && (binding.keys as readonly string[]).includes(name));
		if (found) return found.id;
	}
	return undefined;
};

const keyLabels: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	space: 'Space',
	tab: 'Tab',
	backspace: 'Backspace',
	'ctrl+c': 'Ctrl-C',
};

export const keyLabel = (name: string): string => keyLabels[name] ?? name;

export const keysLabel = (binding: Binding, separator = ' '): string => binding.keys.map(keyLabel).join(separator);

/** Footer hints for the active scopes: "j move · n page ...", first key of each binding. */
export const footerHints = (
	activeScopes: readonly Scope[],
	except: readonly string[] = [],
): Array<{readonly key: string; readonly hint: string}> => {
	const hints: Array<{key: string; hint: string}> = [];
	for (const scope of activeScopes) {
		for (const binding of keymap as readonly Binding[]) {
			if (binding.scope !== scope || !binding.footer || except.includes(binding.id)) continue;
			const keys = binding.id === 'nav.down' ? 'j/k' : keyLabel(binding.keys[0] ?? '');
			hints.push({key: keys, hint: binding.hint ?? binding.description});
		}
	}
	return hints;
};

const scopeTitles: Readonly<Record<Scope, string>> = {
	global: 'everywhere',
	list: 'sync list',
	detail: 'detail / health screens',
	help: 'help overlay',
	filter: 'company input / job type picker',
};

export const scopeTitle = (scope: Scope): string => scopeTitles[scope];

const escapeCell = (text: string): string => text.replaceAll('|', '\\|');

/** The README's keys table, generated from the registry. */
export const keysMarkdownTable = (): string => {
	const rows = ['| Keys | Action | Where |', '| --- | --- | --- |'];
	for (const scope of scopes) {
		for (const binding of keymap as readonly Binding[]) {
			if (binding.scope !== scope) continue;
			const keys = binding.keys.map((name) => `\`${keyLabel(name)}\``).join(' ');
			rows.push(`| ${escapeCell(keys)} | ${escapeCell(binding.description)} | ${scopeTitle(scope)} |`);
		}
	}
	return rows.join('\n');
};
