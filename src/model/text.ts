/**
 * Templates mark inline code with backticks. These helpers split that light markup so renderers can
 * build real `<code>` elements, and strip it for plain-text uses (screen-reader announcements, titles).
 */
export interface TextRun {
	readonly code: boolean;
	readonly text: string;
}

export function splitInlineCode(text: string): TextRun[] {
	return text
		.split('`')
		.map((part, i) => ({ code: i % 2 === 1, text: part }))
		.filter((run) => run.text !== '');
}

export function plainText(text: string): string {
	return text.replaceAll('`', '');
}
