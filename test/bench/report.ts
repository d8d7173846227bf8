// Medians, percentiles and the printed table: one row per figure, with its baseline and target.

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Nearest-rank percentile; NaN for no values. */
export const percentile = (values: readonly number[], p: number): number => {
	const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (finite.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * finite.length);
	return finite[Math.min(finite.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
};

export type Verdict = 'PASS' | 'FAIL' | 'info';

export type Row = {
	readonly id: string;
	readonly figure: string;
	readonly value: number;
	readonly unit: string;
	readonly baseline?: {readonly label: string; readonly value: number} | undefined;
	/** value / baseline, when a baseline is given. */
	readonly ratio?: number | undefined;
	readonly target: string;
	readonly verdict: Verdict;
	/** The samples the value summarises. */
	readonly samples?: readonly number[] | undefined;
	readonly note?: string | undefined;
};

const format = (value: number, unit: string): string => {
	if (!Number.isFinite(value)) return 'n/a';
	if (unit === 'ms') return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
	if (unit === 'MB') return `${value.toFixed(1)} MB`;
	if (unit === 'B') return `${Math.round(value)} B`;
	if (unit === 'cells') return `${Math.round(value)} cells`;
	if (unit === 'B/s') return `${Math.round(value)} B/s`;
	if (unit === 'bool') return value ? 'yes' : 'no';
	return `${value}${unit ? ` ${unit}` : ''}`;
};

export const ratioText = (ratio: number | undefined): string =>
	ratio === undefined || !Number.isFinite(ratio) ? '' : `${ratio.toFixed(2)}x`;

export const tableText = (rows: readonly Row[]): string => {
	const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
	const body = rows.map((row) => [
		row.figure,
		format(row.value, row.unit),
		row.baseline ? `${format(row.baseline.value, row.unit === 'cells' ? 'cells' : row.unit)} ${row.baseline.label}` : '',
		ratioText(row.ratio),
		row.target,
		row.verdict,
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) => (column === 1 || column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
};

/** The same table as Markdown, for the README. */
export const markdownTable = (rows: readonly Row[]): string => {
	const out = ['| Figure | Value | Baseline | Ratio | Target | Result |', '| --- | ---: | --- | ---: | --- | --- |'];
	for (const row of rows) {
		const baseline = row.baseline ? `${format(row.baseline.value, row.unit)} ${row.baseline.label}` : '';
		out.push(`| ${row.figure} | ${format(row.value, row.unit)} | ${baseline} | ${ratioText(row.ratio)} | ${row.target} | ${row.verdict} |`);
	}
	return out.join('\n');
};
