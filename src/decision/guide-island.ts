/*
 * The decision guide island: one section at a time. The tree's shape comes from the typed model and the
 * words from the server-rendered sections, so the island holds no strings. The answers given live in
 * the URL (`?answers=yny…`, read and written with the model's own functions), so a result can be shared
 * and survives a reload; the inline script in DecisionGuide.astro already showed the right section
 * before the first paint.
 */
import { ANSWERS_PARAM, formatAnswers, parseAnswers, sectionId, walk, type Answer } from '../model/decision.ts';
import { splitInlineCode } from '../model/text.ts';

class KpDecisionGuide extends HTMLElement {
	#answers: Answer[] = [];
	#started = false;
	/** A section opened by its anchor (`#a-lb`, a link from a reader without JavaScript), until the next answer. */
	#opened: HTMLElement | null = null;

	connectedCallback() {
		if (this.#started) return;
		this.#started = true;
		const value = new URL(location.href).searchParams.get(ANSWERS_PARAM);
		const parsed = parseAnswers(value);
		if ('invalid' in parsed) this.#showError(parsed.invalid);
		else this.#answers = parsed.answers;
		const anchored = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
		if (!this.#answers.length && anchored?.matches('.kp-node') && this.contains(anchored)) this.#opened = anchored;
		this.addEventListener('click', (event) => this.#onClick(event));
		this.#render(false);
	}

	#onClick(event: Event) {
		const target = event.target instanceof Element ? event.target : null;
		const answer = target?.closest<HTMLAnchorElement>('a[data-answer]');
		const action = target?.closest<HTMLButtonElement>('button[data-action]')?.dataset['action'];
		if (answer) {
			const given = answer.dataset['answer'];
			if (given !== 'yes' && given !== 'no') return;
			// The link's own target (`#q-…`) is for readers without JavaScript; here the answer goes into the URL.
			event.preventDefault();
			this.#answers.push(given);
		} else if (action === 'back') this.#answers.pop();
		else if (action === 'restart') this.#answers = [];
		else return;
		this.#hideError();
		this.#opened = null;
		this.#render(true);
	}

	#render(moveFocus: boolean) {
		const { at, steps } = walk(this.#answers);
		this.#answers = steps.map(([, answer]) => answer);
		const current = this.#opened ?? document.getElementById(sectionId(at));
		for (const section of this.querySelectorAll<HTMLElement>('.kp-node')) section.classList.toggle('kp-current', section === current);

		const trail = this.querySelector('.kp-guide-trail');
		trail?.replaceChildren(
			...steps.map(([question, answer]) => {
				const section = document.getElementById(sectionId(question));
				const item = document.createElement('li');
				const asked = section?.querySelector('h2')?.textContent?.trim() ?? '';
				const said = section?.querySelector(`a[data-answer="${answer}"]`)?.textContent?.trim() ?? '';
				item.textContent = `${asked} ${said}`;
				return item;
			}),
		);
		this.querySelector<HTMLButtonElement>('[data-action="back"]')?.toggleAttribute('disabled', steps.length === 0);
		this.querySelector<HTMLButtonElement>('[data-action="restart"]')?.toggleAttribute('disabled', steps.length === 0 && !this.#opened);

		// The answers in the address, replacing it (Back still leaves the page); the hash of a no-JavaScript jump goes.
		const url = new URL(location.href);
		if (steps.length) url.searchParams.set(ANSWERS_PARAM, formatAnswers(this.#answers));
		else url.searchParams.delete(ANSWERS_PARAM);
		const hashed = url.hash.length > 1 ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
		if (moveFocus && hashed && this.contains(hashed)) url.hash = '';
		if (url.href !== location.href) history.replaceState(history.state, '', url.href.replace(/#$/, ''));

		if (moveFocus) current?.querySelector<HTMLElement>('h2')?.focus();
	}

	#showError(value: string) {
		const error = this.querySelector<HTMLElement>('.kp-guide-error');
		if (!error) return;
		const [before = '', after = ''] = (error.dataset['template'] ?? '').split('{value}');
		error.replaceChildren(
			...splitInlineCode(`${before}${value}${after}`).map((run) => (run.code ? Object.assign(document.createElement('code'), { textContent: run.text }) : document.createTextNode(run.text))),
		);
		error.hidden = false;
	}

	#hideError() {
		const error = this.querySelector<HTMLElement>('.kp-guide-error');
		if (error) error.hidden = true;
	}
}

if (!customElements.get('kp-decision-guide')) customElements.define('kp-decision-guide', KpDecisionGuide);
