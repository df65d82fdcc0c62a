import { describe, expect, it } from 'vitest';
import { decodeAttribute, decodeText, decodeXmlText } from '../../../src/site/html-entities.ts';

/*
 * The expectations are the HTML standard's (named and numeric character references, "decode once",
 * the attribute exception for legacy references), written out by hand, not read from the decoder.
 */
describe('decodeText: text between tags, as the browser reads it', () => {
	it('decodes named, decimal and hexadecimal references', () => {
		expect(decodeText('Pods &amp; Services')).toBe('Pods & Services');
		expect(decodeText('the Pod&#39;s address')).toBe("the Pod's address");
		expect(decodeText('the Pod&#x27;s address')).toBe("the Pod's address");
		expect(decodeText('&lt;none&gt; &quot;x&quot;')).toBe('<none> "x"');
		expect(decodeText('Ingress&nbsp;: oui')).toBe('Ingress\u00a0: oui');
		expect(decodeText('&#x2192; &#8594;')).toBe('→ →');
	});
	it('decodes once: an escaped reference stays a reference', () => {
		expect(decodeText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
		expect(decodeText('&amp;amp;')).toBe('&amp;');
	});
	it('leaves unknown references and lone ampersands as written', () => {
		expect(decodeText('&nosuch; & &;')).toBe('&nosuch; & &;');
		expect(decodeText('a&b')).toBe('a&b');
	});
	it('decodes a legacy reference without `;` wherever it stands', () => {
		expect(decodeText('AT&amp T')).toBe('AT& T');
		expect(decodeText('&notit;')).toBe('¬it;');
	});
});

describe('decodeAttribute: an attribute value, as the browser reads it', () => {
	it('decodes the references Astro writes in attributes', () => {
		expect(decodeAttribute('font-family: &quot;A&amp;B&quot; &#x41;&#66;')).toBe('font-family: "A&B" AB');
		expect(decodeAttribute('L&#39;équilibreur de charge')).toBe("L'équilibreur de charge");
		expect(decodeAttribute('L&#x27;équilibreur de charge')).toBe("L'équilibreur de charge");
		expect(decodeAttribute('&amp;lt;')).toBe('&lt;');
		expect(decodeAttribute('&nosuch;')).toBe('&nosuch;');
	});
	it('keeps a legacy reference without `;` followed by a letter, a digit or `=` (a query string)', () => {
		expect(decodeAttribute('/search/?a=1&copy=2')).toBe('/search/?a=1&copy=2');
		expect(decodeAttribute('/search/?a=1&amp2')).toBe('/search/?a=1&amp2');
		// …which text would decode.
		expect(decodeText('/search/?a=1&copy=2')).toBe('/search/?a=1©=2');
		// With `;`, or before anything else, it is decoded in an attribute too.
		expect(decodeAttribute('&copy; 2026')).toBe('© 2026');
		expect(decodeAttribute('&amp x')).toBe('& x');
	});
});

describe('decodeXmlText: a sitemap’s text', () => {
	it('decodes the five XML references and numeric ones, once', () => {
		expect(decodeXmlText('https://kube-paths.example.org/en/?a=1&amp;b=2')).toBe('https://kube-paths.example.org/en/?a=1&b=2');
		expect(decodeXmlText('&lt;&gt;&quot;&apos;&#39;&#x27;')).toBe("<>\"'''");
		expect(decodeXmlText('&amp;lt;')).toBe('&lt;');
	});
	it('knows no HTML names and needs the `;`', () => {
		expect(decodeXmlText('&nbsp;&copy;')).toBe('&nbsp;&copy;');
		expect(decodeXmlText('&amp')).toBe('&amp');
	});
});
