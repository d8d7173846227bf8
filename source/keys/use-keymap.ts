// Dispatches key presses to handlers by action id, for the scopes a screen owns.
//
// One listener per input stream splits each raw chunk into keys (keys/tokens.ts) and offers each
// key to the active keymap layers in the order they were mounted. The keys of one burst are handed
// out one per event-loop turn, so React has rendered (and the layers have been updated) before the
// next one: "/102<Enter>" or "jj<Enter>" in one chunk works exactly like the keys typed slowly.
import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {actionFor, type ActionId, type Scope} from './keymap.js';
import {tokenName, tokenize} from './tokens.js';

export type Handlers = Partial<Record<ActionId, () => void>>;

export type KeymapOptions = {
	readonly isActive?: boolean;
	/** A text input has focus: only Ctrl combinations act, letters are typed instead. */
	readonly typing?: boolean;
	/** Keys no binding of the scopes took (a text input types them). */
	readonly onOther?: (name: string) => void;
};

type Layer = {
	scopes: readonly Scope[];
	handlers: Handlers;
	options: KeymapOptions;
};

type Dispatcher = {readonly layers: Set<Layer>; readonly detach: () => void};

const dispatchers = new WeakMap<NodeJS.EventEmitter, Dispatcher>();

/** Offers one key to the layers; returns whether one took it. */
export const dispatchKey = (layers: Iterable<Layer>, name: string): boolean => {
	const active = [...layers].filter((layer) => layer.options.isActive ?? true);
	for (const layer of active) {
		if (layer.options.typing && !name.startsWith('ctrl+')) continue;
		const action = actionFor(layer.scopes, name);
		const handler = action === undefined ? undefined : layer.handlers[action];
		if (handler) {
			handler();
			return true;
		}
	}
	for (const layer of active) {
		if (layer.options.onOther) {
			layer.options.onOther(name);
			return true;
		}
	}
	return false;
};

const attach = (emitter: NodeJS.EventEmitter, layer: Layer): (() => void) => {
	let dispatcher = dispatchers.get(emitter);
	if (!dispatcher) {
		const layers = new Set<Layer>();
		const queue: string[] = [];
		let timer: NodeJS.Timeout | undefined;
		const drain = () => {
			timer = undefined;
			const name = queue.shift();
			if (name !== undefined) dispatchKey(layers, name);
			if (queue.length > 0) timer = setTimeout(drain, 0);
		};
		const onInput = (chunk: string | Buffer) => {
			for (const token of tokenize(String(chunk))) {
				const name = tokenName(token);
				if (name !== undefined) queue.push(name);
			}
			if (timer === undefined) drain();
		};
		emitter.on('input', onInput);
		dispatcher = {
			layers,
			detach: () => {
				clearTimeout(timer);
				emitter.off('input', onInput);
			},
		};
		dispatchers.set(emitter, dispatcher);
	}
	const own = dispatcher;
	own.layers.add(layer);
	return () => {
		own.layers.delete(layer);
		if (own.layers.size === 0) {
			own.detach();
			dispatchers.delete(emitter);
		}
	};
};

type InkStdin = ReturnType<typeof useStdin> & {
	// Ink 6.6 (pinned) emits every raw input chunk here; its useInput would parse a chunk as one key.
	readonly internal_eventEmitter?: NodeJS.EventEmitter;
};

export const useKeymap = (scopes: readonly Scope[], handlers: Handlers, options: KeymapOptions = {}): void => {
	const {setRawMode, isRawModeSupported, internal_eventEmitter: emitter} = useStdin() as InkStdin;
	const isActive = options.isActive ?? true;
	// Updated on every render (not in an effect), so the next key sees the latest state.
	const layer = useRef<Layer>({scopes, handlers, options});
	layer.current.scopes = scopes;
	layer.current.handlers = handlers;
	layer.current.options = options;
	useEffect(() => {
		if (!emitter) return;
		return attach(emitter, layer.current);
	}, [emitter]);
	useEffect(() => {
		if (!isActive || !isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isActive, isRawModeSupported, setRawMode]);
};
