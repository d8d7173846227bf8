// JSON.stringify escapes C0 controls only; C1 controls (0x9b is an 8-bit CSI) and bidi overrides
// would still reach a terminal reading the output. Escaping them keeps the JSON equal in value.
// eslint-disable-next-line no-control-regex
const unsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

export const safeJson = (value: unknown, indent = 2): string =>
	JSON.stringify(value, null, indent).replace(
		unsafeInJson,
		(char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
	);
