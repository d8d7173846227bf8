// The small, typed set of ways a call to the RootFi API can fail, each with a one-line message.

export const apiErrorKinds = [
	'auth',
	'not_found',
	'bad_request',
	'rate_limited',
	'server',
	'network',
	'timeout',
	'bad_response',
	'cancelled',
] as const;
export type ApiErrorKind = (typeof apiErrorKinds)[number];

export type ApiErrorDetails = {
	readonly status?: number;
	readonly requestId?: string;
	/** How long the server asked us to wait (Retry-After), in milliseconds. */
	readonly retryAfterMs?: number;
	/** A short excerpt of an unexpected body, control characters removed. */
	readonly excerpt?: string;
	readonly attempts?: number;
};

export class ApiError extends Error {
	override readonly name = 'ApiError';
	readonly kind: ApiErrorKind;
	readonly status: number | undefined;
	readonly requestId: string | undefined;
	readonly retryAfterMs: number | undefined;
	readonly excerpt: string | undefined;
	readonly attempts: number;

	constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
		super(message);
		this.kind = kind;
		this.status = details.status;
		this.requestId = details.requestId;
		this.retryAfterMs = details.retryAfterMs;
		this.excerpt = details.excerpt;
		this.attempts = details.attempts ?? 1;
	}

	/** One line for a person: the message, then the request id RootFi support asks for. */
	describe(): string {
		const parts = [this.message];
		if (this.excerpt) parts.push(`body: ${this.excerpt}`);
		if (this.requestId) parts.push(`request_id ${this.requestId}`);
		return parts.join(' · ');
	}
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/** Whether trying the same request again may succeed. */
export const isRetryable = (error: ApiError): boolean =>
	error.kind === 'network' || error.kind === 'rate_limited' || error.kind === 'server';
