// Text from the network is untrusted: it must reach the terminal with no control sequence intact.

// Written by hand rather than with strip-ansi: strip-ansi removes well-formed ANSI sequences only,
// leaving lone ESC, C1 controls (such as the 8-bit CSI 0x9b) and bidi overrides in place, and
// removing hides tampering. Here every control character is made visible instead, which breaks any
// sequence it started: `\x1b]52;...` reaches the terminal as plain text.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

const visible = (char: string): string => {
	const code = char.codePointAt(0) ?? 0;
	return code <= 0xff
		? `\\x${code.toString(16).padStart(2, '0')}`
		: `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Makes a network string safe for one terminal cell: every control character shown as an escape. */
export const sanitizeText = (value: string): string => value.replace(unsafe, visible);

/** A short, single-line, safe excerpt of a body, for error messages. */
export const excerptOf = (body: string, max = 80): string => {
	const flat = sanitizeText(body.replace(/\s+/g, ' ').trim());
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Removes every occurrence of each secret from a message. */
export const redact = (message: string, secrets: ReadonlyArray<string | undefined>): string => {
	let out = message;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	return out;
};
