import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPolicy, collectHashes, CSP_END, CSP_VARIABLE, inlineSources, writeCspInclude } from '../../../scripts/csp-hashes.mjs';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineSources', () => {
	it('finds inline scripts that run, inline styles and style attributes, not external or data scripts', () => {
		const html = `<html><head><script>a()</script><script type="module">b()</script><script src="/x.js"></script>
			<script type="application/ld+json">{"a":1}</script><style>p{color:red}</style></head>
			<body><p style="--x: 1;">t</p><svg><style>.s{}</style></svg><!-- <p style="hidden"> --></body></html>`;
		expect(inlineSources(html)).toEqual({ scripts: ['a()', 'b()'], styles: ['p{color:red}', '.s{}'], styleAttributes: ['--x: 1;'], eventHandlers: [] });
	});

	it('does not take `style="` inside a script for an attribute, and reports event handlers', () => {
		expect(inlineSources(`<script>el.innerHTML = '<b style="x">'</script><button onclick="go()">x</button>`)).toMatchObject({ styleAttributes: [], eventHandlers: ['onclick="go()"'] });
	});

	it('hashes attribute values as the browser does, after decoding character references', () => {
		expect(inlineSources('<p style="font-family: &quot;A&amp;B&quot; &#x41;&#66;">t</p>').styleAttributes).toEqual(['font-family: "A&B" AB']);
	});

	it('reads the page as the browser parses it, not as a pattern matches it', () => {
		const found = inlineSources(
			[
				// A script's text is raw: its character reference stays as written, and `</script >` ends it.
				'<SCRIPT>if (a &amp;&amp; b) go("</p>")</script ><p STYLE=\'--q: 2\'>t</p>',
				// The parser turns CR LF into LF before the browser hashes the text.
				'<style>a{}\r\nb{}</style>',
				// A template's content is inert until cloned, and then its styles apply.
				'<template><i style="--t: 3">x</i></template>',
				// An unquoted value, and one with `>` inside its quotes.
				'<b style=--u:4 data-x="a>b" onmouseover=hi()>y</b>',
			].join(''),
		);
		expect(found).toEqual({
			scripts: ['if (a &amp;&amp; b) go("</p>")'],
			styles: ['a{}\nb{}'],
			styleAttributes: ['--q: 2', '--t: 3', '--u:4'],
			eventHandlers: ['onmouseover="hi()"'],
		});
	});
});

describe('the policy', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kp-csp-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('allows exactly the measured inline code, and keeps the fixed directives', () => {
		mkdirSync(join(dir, 'en'));
		writeFileSync(join(dir, 'index.html'), '<script>go()</script><p style="--a: 1">x</p>');
		writeFileSync(join(dir, 'en/index.html'), '<script>go()</script><style>b{}</style>');
		const hashes = collectHashes(dir);
		expect(hashes).toMatchObject({ pages: 2, script: [hash('go()')], style: [hash('b{}')], styleAttr: [hash('--a: 1')] });
		const policy = buildPolicy(hashes);
		for (const directive of ["default-src 'none'", "img-src 'self' data:", "connect-src 'self'", "worker-src 'self'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'", "script-src-attr 'none'"]) expect(policy).toContain(directive);
		expect(policy, 'nothing falls back to a default that allows it').not.toMatch(/default-src [^;]*'self'/);
		expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash('go()')};`);
		expect(policy).toContain(`style-src 'self' ${hash('b{}')};`);
		expect(policy).toMatch(new RegExp(`style-src-attr 'unsafe-hashes' ${hash('--a: 1').replace(/[+/=]/g, '\\$&')}$`));
		expect(policy).not.toContain('unsafe-inline');
		const out = join(dir, 'csp.conf');
		writeCspInclude(dir, out);
		// A variable that security-headers.conf sends: without this file nginx knows no such variable.
		const include = readFileSync(out, 'utf8');
		expect(include).toContain(`map $uri $${CSP_VARIABLE} {\n    default "${policy}";\n}\n`);
		expect(include.trimEnd().split('\n').at(-1), 'the end marker is the last line').toBe(CSP_END);
		expect(readFileSync(new URL('../../../deploy/nginx/security-headers.conf', import.meta.url), 'utf8')).toContain(`add_header Content-Security-Policy $${CSP_VARIABLE} always;`);
	});

	it('refuses a build with an inline event handler', () => {
		writeFileSync(join(dir, 'index.html'), '<button onclick="go()">x</button>');
		expect(() => writeCspInclude(dir, join(dir, 'csp.conf'))).toThrow(/index\.html: onclick="go\(\)"/);
	});
});
