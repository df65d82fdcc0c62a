import { describe, expect, it } from 'vitest';
import { previewSvg } from '../../../src/site/preview.ts';

describe('previewSvg', () => {
	it('writes a title and a description with & < > " as references, never as markup', () => {
		const svg = previewSvg({ entryId: 'en/glossary', locale: 'en', title: 'Pods & <Services>', description: 'The "x" & <y>' });
		expect(svg).toContain('>Pods &amp; &lt;Services&gt;</text>');
		expect(svg).toContain('The &quot;x&quot; &amp; &lt;y&gt;');
		expect(svg).not.toContain('<Services>');
		expect(svg).not.toContain('<y>');
	});
});
