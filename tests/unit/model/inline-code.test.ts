import { describe, expect, it } from 'vitest';
import { plainText, splitInlineCode } from '../../../src/model/text.ts';

/* The backtick markup of the step templates: code runs for `<code>`, plain text for announcements. */
describe('inline code in templates', () => {
	it('splits text into plain and code runs, dropping the empty ones around a leading or trailing code span', () => {
		expect(splitInlineCode('the Service `web` on port `80`')).toEqual([
			{ code: false, text: 'the Service ' },
			{ code: true, text: 'web' },
			{ code: false, text: ' on port ' },
			{ code: true, text: '80' },
		]);
		expect(splitInlineCode('`10.0.1.11:30080`')).toEqual([{ code: true, text: '10.0.1.11:30080' }]);
		expect(splitInlineCode('no code here')).toEqual([{ code: false, text: 'no code here' }]);
		expect(splitInlineCode('')).toEqual([]);
	});

	it('strips the backticks for plain text, keeping every other character', () => {
		expect(plainText('kube-proxy rewrites `10.0.1.11:30080` to `10.244.2.10:8080`')).toBe('kube-proxy rewrites 10.0.1.11:30080 to 10.244.2.10:8080');
		expect(plainText('no code')).toBe('no code');
	});
});
