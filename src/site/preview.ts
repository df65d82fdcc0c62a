/*
 * The preview image of a shared link (`og:image`): a 1200×630 picture of the page, composed here as an
 * SVG string and rasterized at build time (src/pages/preview-image.ts). A diagram page shows its
 * diagram, drawn by the same renderDiagram() as the page, beside its title, in the page's language;
 * the other pages show their title and description. One stylesheet below colours the diagram's classes
 * for a dark card; it does not repeat diagram.css, which styles the page in both themes.
 */
import { messages, type Locale } from '../i18n/index.ts';
import { scenarioPath, scenarios, SCENARIO_IDS, type ScenarioId } from '../model/scenarios/index.ts';
import { escapeXml, renderDiagram } from '../diagram/render.ts';
import { diagramLabels } from '../i18n/diagram.ts';

export const PREVIEW = { width: 1200, height: 630 } as const;

/**
 * The fonts the rasterizer loads explicitly (npm packages, so a fresh machine needs no system fonts).
 * Names and addresses are in a monospace font, as on the page; it matters here: Inter's contextual
 * alternates draw the `x` of `k2x4q` as a multiplication sign, and resvg cannot turn them off.
 */
export const PREVIEW_FONT_FAMILY = 'Inter';
const MONO_FAMILY = 'Roboto Mono';
export const PREVIEW_FONT_FILES = [
	'@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
	'@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
	'@expo-google-fonts/roboto-mono/400Regular/RobotoMono_400Regular.ttf',
] as const;

/** The home page leads with this diagram (content/docs/<lang>/index.mdx), so its preview shows it too. */
export const HOME_DIAGRAM: ScenarioId = 'nodeport';

/** Where a page's preview image is served: `/og/<content id>.png` (`/og/en/exposure/nodeport.png`, `/og/fr.png`). */
export function previewPath(entryId: string): string {
	return `/og/${entryId}.png`;
}

/** The scenario a page draws: the one whose page it is, or the home page's. */
export function previewScenario(entryId: string): ScenarioId | undefined {
	const [locale = '', ...rest] = entryId.split('/');
	if (rest.length === 0) return HOME_DIAGRAM;
	return SCENARIO_IDS.find((id) => scenarioPath(scenarios[id], locale) === `/${entryId}/`);
}

/*
 * Line breaking needs the text's width before there is a renderer to measure it: an estimate from
 * Inter's advance widths by class of character (em units, a little generous so a line never overflows).
 */
function textWidth(text: string, size: number, bold: boolean): number {
	let em = 0;
	for (const char of text) {
		if (/[ilj.,:;'’!|ı]/.test(char)) em += 0.3;
		else if (char === ' ' || char === '\u00a0') em += 0.28;
		else if (/[mwMW@]/.test(char)) em += 0.9;
		else if (/[A-ZÀ-Ý0-9]/.test(char)) em += 0.68;
		else em += 0.56;
	}
	return em * size * (bold ? 1.04 : 1);
}

/** Greedy line breaking into at most `maxLines` lines; the last one ends in an ellipsis if the text is longer. */
export function wrapText(text: string, size: number, width: number, maxLines: number, bold = false): string[] {
	const lines: string[] = [];
	let line = '';
	const words = text.split(/ +/);
	for (const [i, word] of words.entries()) {
		const candidate = line ? `${line} ${word}` : word;
		if (textWidth(candidate, size, bold) <= width || !line) {
			line = candidate;
			continue;
		}
		lines.push(line);
		line = word;
		if (lines.length === maxLines) {
			const last = lines.pop() ?? '';
			lines.push(words.slice(i).length ? `${last}…` : last);
			return lines;
		}
	}
	if (line) lines.push(line);
	return lines;
}

const STYLE = `
	text { font-family: ${PREVIEW_FONT_FAMILY}; }
	.title { font-size: 60px; font-weight: 700; fill: #ffffff; }
	.title--long { font-size: 50px; }
	.lead { font-size: 30px; fill: #c3c9dd; }
	.site { font-size: 24px; font-weight: 700; fill: #9fb0ff; }
	.kp-zone rect { fill: #1e2640; stroke: #4b5a88; stroke-width: 1.5; }
	.kp-zone--cluster > rect { fill: #182036; }
	.kp-zone-label { font-size: 12px; font-weight: 700; fill: #9fb0ff; }
	.kp-node rect { fill: #263052; stroke: #5d6ea8; stroke-width: 1.5; }
	.kp-node--on-path rect { fill: #2f3d6e; stroke: #9fb0ff; stroke-width: 2; }
	.kp-node-kind { font-size: 13px; font-weight: 700; fill: #ffffff; }
	.kp-node-name, .kp-node-note, .kp-node-address { font-size: 11px; fill: #c3c9dd; }
	.kp-hop-line { fill: none; stroke: #ffb86b; stroke-width: 2.5; }
	.kp-hop-arrow { fill: #ffb86b; }
	.kp-hop-badge { fill: #ffb86b; }
	.kp-hop-number { font-size: 11px; font-weight: 700; fill: #141a2e; }
	.kp-hop-label { font-size: 11px; fill: #ffd9ae; }
	.kp-zone-name, .kp-node-name, .kp-hop-destination { font-family: '${MONO_FAMILY}'; }
`;

export interface PreviewPage {
	readonly entryId: string;
	readonly locale: Locale;
	readonly title: string;
	readonly description?: string | undefined;
}

/** The preview of one page, as an SVG document of PREVIEW's size. */
export function previewSvg(page: PreviewPage): string {
	const { width, height } = PREVIEW;
	const words = messages[page.locale].preview;
	const scenario = previewScenario(page.entryId);
	const margin = 64;
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<style>${STYLE}</style>`,
		`<rect width="${width}" height="${height}" fill="#10152a"/>`,
		`<rect width="${width}" height="10" fill="#9fb0ff"/>`,
		`<text class="site" x="${margin}" y="${margin + 24}">${escapeXml(words.siteLine)}</text>`,
	];
	// Beside a diagram the text keeps the left part; without one it has the whole width.
	let textWidthAvailable = width - 2 * margin;
	if (scenario) {
		const diagram = renderDiagram(scenarios[scenario], diagramLabels(scenarios[scenario], page.locale));
		const box = { x: 640, y: 40, width: width - 640 - 40, height: height - 80 };
		const scale = Math.min(box.width / diagram.layout.width, box.height / diagram.layout.height);
		const drawn = { width: diagram.layout.width * scale, height: diagram.layout.height * scale };
		// The page's own SVG, nested and scaled into the box (its title and description are not drawn).
		const inner = diagram.svg.replace(/^<svg\b[^>]*>/, '').replace(/<\/svg>$/, '');
		out.push(
			`<svg x="${box.x + (box.width - drawn.width) / 2}" y="${box.y + (box.height - drawn.height) / 2}" width="${drawn.width}" height="${drawn.height}" viewBox="0 0 ${diagram.layout.width} ${diagram.layout.height}">${inner}</svg>`,
		);
		textWidthAvailable = box.x - margin - 32;
	}
	const long = textWidth(page.title, 60, true) > textWidthAvailable * 3;
	const titleSize = long ? 50 : 60;
	const titleLines = wrapText(page.title, titleSize, textWidthAvailable, 4, true);
	let y = margin + 26 + 40 + titleSize;
	for (const line of titleLines) {
		out.push(`<text class="title${long ? ' title--long' : ''}" x="${margin}" y="${y}">${escapeXml(line)}</text>`);
		y += Math.round(titleSize * 1.15);
	}
	if (page.description) {
		y += 24;
		const room = Math.max(1, Math.floor((height - margin - y + 30) / 40));
		for (const line of wrapText(page.description, 30, textWidthAvailable, Math.min(room, 5))) {
			out.push(`<text class="lead" x="${margin}" y="${y}">${escapeXml(line)}</text>`);
			y += 40;
		}
	}
	out.push('</svg>');
	return out.join('');
}
