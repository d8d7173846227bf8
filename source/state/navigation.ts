// The navigation stack: list -> detail -> health. The list's own state lives outside the stack,
// so going back lands on the exact row and page that were left.
import type {SyncRecord} from '../api/decode.js';

export type Route =
	| {readonly kind: 'list'}
	| {readonly kind: 'detail'; readonly sync: SyncRecord; readonly requestId: string | undefined}
	| {readonly kind: 'health'; readonly companyId: number};

export type NavigationState = {
	readonly stack: readonly [Route, ...Route[]];
	readonly help: boolean;
};

export type NavigationAction =
	| {readonly type: 'push'; readonly route: Route}
	/** Pops only when the top is of this kind, so two back signals for one screen pop once. */
	| {readonly type: 'back'; readonly from?: Route['kind']}
	| {readonly type: 'toggleHelp'}
	| {readonly type: 'closeHelp'};

export const initialNavigation: NavigationState = {stack: [{kind: 'list'}], help: false};

export const currentRoute = (state: NavigationState): Route => state.stack[state.stack.length - 1] ?? state.stack[0];

export const navigationReducer = (state: NavigationState, action: NavigationAction): NavigationState => {
	switch (action.type) {
		case 'push':
			return {...state, stack: [...state.stack, action.route]};
		case 'back': {
			if (state.stack.length <= 1) return state;
			if (action.from !== undefined && currentRoute(state).kind !== action.from) return state;
			const [first, ...rest] = state.stack;
			return {...state, stack: [first, ...rest.slice(0, -1)]};
		}
		case 'toggleHelp':
			return {...state, help: !state.help};
		case 'closeHelp':
			return state.help ? {...state, help: false} : state;
	}
};

export const routeTitle = (route: Route): string => {
	switch (route.kind) {
		case 'list':
			return 'syncs';
		case 'detail':
			return `sync ${route.sync.rootfi_id ?? '?'}`;
		case 'health':
			return `health ${route.companyId}`;
	}
};

/** "syncs › sync 1200345 › health 102" */
export const breadcrumbs = (state: NavigationState): string => state.stack.map(routeTitle).join(' › ');
