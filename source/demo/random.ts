// A seeded pseudo-random generator for the demo dataset.
// Hand-written rather than a dependency: mulberry32 is a dozen lines, it is deterministic across
// Node versions and platforms (Math.random cannot be seeded), and the demo needs nothing stronger
// than "looks random, repeats exactly for the same seed". Not for anything security-related.

export type Random = {
	/** A float in [0, 1). */
	readonly next: () => number;
	/** An integer in [min, max], both inclusive. */
	readonly int: (min: number, max: number) => number;
	/** A float in [min, max). */
	readonly float: (min: number, max: number) => number;
	/** True with the given probability (0..1). */
	readonly chance: (probability: number) => boolean;
	/** One element of a non-empty list. */
	readonly pick: <T>(items: readonly T[]) => T;
	/** One value of a non-empty list of [value, weight] pairs, in proportion to the weights. */
	readonly weighted: <T>(entries: ReadonlyArray<readonly [T, number]>) => T;
	/** A shuffled copy (Fisher-Yates). */
	readonly shuffle: <T>(items: readonly T[]) => T[];
	/** `count` distinct elements, in the list's own order. */
	readonly sample: <T>(items: readonly T[], count: number) => T[];
	/** A string of `length` characters drawn from `alphabet`. */
	readonly string: (length: number, alphabet: string) => string;
	/** A 32-bit seed for a child generator, so that parts of a dataset do not shift each other. */
	readonly fork: () => number;
};

/** mulberry32: a 32-bit state, full period 2^32, good enough statistical quality for test data. */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function createRandom(seed: number): Random {
	const next = mulberry32(seed);

	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

	const pick = <T>(items: readonly T[]): T => {
		if (items.length === 0) {
			throw new RangeError('pick() needs at least one item');
		}

		return items[Math.floor(next() * items.length)] as T;
	};

	const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
		const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
		if (entries.length === 0 || total <= 0) {
			throw new RangeError('weighted() needs at least one positive weight');
		}

		let roll = next() * total;
		for (const [value, weight] of entries) {
			roll -= weight;
			if (roll < 0) {
				return value;
			}
		}

		// Floating-point rounding can leave roll at exactly 0: the last entry is the right answer.
		return (entries.at(-1) as readonly [T, number])[0];
	};

	const shuffle = <T>(items: readonly T[]): T[] => {
		const copy = [...items];
		for (let index = copy.length - 1; index > 0; index--) {
			const other = Math.floor(next() * (index + 1));
			[copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
		}

		return copy;
	};

	const sample = <T>(items: readonly T[], count: number): T[] => {
		const chosen = new Set(shuffle(items.map((_, index) => index)).slice(0, count));
		return items.filter((_, index) => chosen.has(index));
	};

	const string = (length: number, alphabet: string): string => {
		let text = '';
		for (let index = 0; index < length; index++) {
			text += alphabet[Math.floor(next() * alphabet.length)] ?? '';
		}

		return text;
	};

	return {
		next,
		int,
		float: (min, max) => min + next() * (max - min),
		chance: probability => next() < probability,
		pick,
		weighted,
		shuffle,
		sample,
		string,
		fork: () => Math.floor(next() * 4_294_967_296),
	};
}
