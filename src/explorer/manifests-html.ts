/*
 * The explorer's manifests as markup: one captioned block per file, the YAML as plain text (the page
 * highlights nothing, so it needs no highlighter in the browser). The serializer is handed in: the
 * build imports `yaml` at once, the browser loads it after the first paint.
 */
import { escapeHtml } from '../components/figure.ts';
import type { Manifest } from '../model/manifests.ts';

export type Stringify = (value: unknown) => string;

export function manifestsHtml(manifests: readonly Manifest[], stringify: Stringify): string {
	return manifests
		.map(
			(m) =>
				`<figure class="kp-yaml"><figcaption><code>${escapeHtml(m.file)}</code></figcaption>` +
				`<pre role="region" aria-label="${escapeHtml(m.file)}" tabindex="0"><code>${escapeHtml(stringify(m.object))}</code></pre></figure>`,
		)
		.join('');
}
