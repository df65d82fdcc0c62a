/*
 * What every page was last checked against: the one place to change when the site is reviewed again
 * against newer releases. Each page's footer shows it (src/components/LastUpdated.astro), worded by the
 * locale tables, next to the date git gives for the page's last change.
 */
export interface CheckedAgainst {
	/** The Kubernetes minor version the pages describe (`1.37`). */
	readonly kubernetes: `${number}.${number}`;
	/** The Gateway API release (`1.6`). */
	readonly gatewayApi: `${number}.${number}`;
	/** The month of the review, `YYYY-MM`. */
	readonly reviewed: `${number}-${number}`;
}

export const CHECKED_AGAINST = { kubernetes: '1.37', gatewayApi: '1.6', reviewed: '2026-12' } as const satisfies CheckedAgainst;

/** The review month as a date, for `Intl` to word in each language. */
export function reviewedMonth(checked: CheckedAgainst): Date {
	const [year, month] = checked.reviewed.split('-').map(Number);
	if (!year || !month || month > 12) {
		throw new Error(`src/site/checked-against.ts: \`reviewed: '${checked.reviewed}'\` is not a month. Write it as YYYY-MM, e.g. '2026-12'.`);
	}
	return new Date(Date.UTC(year, month - 1, 1));
}
