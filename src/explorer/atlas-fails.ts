/*
 * An atlas diagram's "if it fails here", linked: for the page's own setup (Diagram.astro, at build
 * time) and for a switched one (whatif.ts, in the browser), one rule. Each mode opens the explorer
 * with that setup and that hop broken (on a way in's page: the explorer does not build the mesh's
 * east-west call); on the page's own setup, its check in the troubleshooting guide too (the guide's
 * tree holds every mode of every atlas setup, with the symptom it gives there).
 */
import { stepFailsOf, type StepFail } from '../components/figure.ts';
import type { Locale } from '../i18n/index.ts';
import { isPresetId, whatIfParams, type WhatIfId } from '../model/presets.ts';
import type { ScenarioId } from '../model/scenarios/index.ts';
import { checkAnchor } from '../model/troubleshoot.ts';
import type { FailureId } from '../model/failures.ts';
import type { Scenario } from '../model/types.ts';
import { pageHref } from '../site/pages.ts';
import { formatQuery } from './query.ts';

export function atlasStepFails(id: ScenarioId, on: readonly WhatIfId[], scenario: Scenario, locale: Locale): StepFail[][] {
	const query = !isPresetId(id) ? undefined : on.length === 0 ? `?preset=${id}` : formatQuery({ preset: undefined, params: whatIfParams(id, on) });
	const explore = query === undefined ? undefined : `${pageHref(locale, 'explore')}${query}`;
	const guide = pageHref(locale, 'troubleshoot');
	return stepFailsOf(scenario, {
		...(explore === undefined ? {} : { explore: (mode: FailureId) => `${explore}&fail=${mode}` }),
		// A switched setup's modes and symptoms are not the guide's (it has the page's setup): no link there.
		...(on.length === 0 ? { checks: (mode, symptom) => `${guide}#${checkAnchor(symptom, id, mode)}` } : {}),
	});
}
