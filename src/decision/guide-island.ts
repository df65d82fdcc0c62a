/*
 * The decision guide island: one question at a time. The tree's shape comes from the typed model;
 * every word and link comes from the server-rendered tree in the page, so the island holds no strings.
 */
import { DECISION_TREE, FIRST_QUESTION, isResult, type Next, type QuestionId } from '../model/decision.ts';

class KpDecisionGuide extends HTMLElement {
	#answers: ('yes' | 'no')[] = [];
	#ui: HTMLElement | null = null;

	connectedCallback() {
		// The guide's markup is server-rendered; an inline script already showed it and folded the tree.
		if (this.#ui) return;
		this.#ui = this.querySelector<HTMLElement>('.kp-guide');
		if (!this.#ui) return;
		this.#ui.hidden = false;
		this.addEventListener('click', (event) => {
			const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('.kp-guide button') : null;
			if (!button) return;
			const answer = button.dataset['answer'];
			if (answer === 'yes' || answer === 'no') this.#answers.push(answer);
			else if (button.dataset['action'] === 'back') this.#answers.pop();
			else if (button.dataset['action'] === 'restart') this.#answers = [];
			this.#render(true);
		});
		this.#render(false);
	}

	#text(selector: string): string {
		return this.querySelector(selector)?.textContent?.trim() ?? '';
	}

	#render(moveFocus: boolean) {
		const ui = this.#ui;
		if (!ui) return;
		let current: Next = FIRST_QUESTION;
		const trail: string[] = [];
		for (const answer of this.#answers) {
			if (isResult(current)) break;
			const id: QuestionId = current;
			trail.push(`${this.#text(`.kp-tree li[data-question="${id}"] > .kp-q`)} ${this.#text(`.kp-tree li[data-question="${id}"] > ul > li[data-answer="${answer}"] > .kp-if`)}`);
			current = DECISION_TREE[id][answer];
		}
		const question = ui.querySelector<HTMLElement>('.kp-guide-question');
		const hint = ui.querySelector<HTMLElement>('.kp-guide-hint');
		const answers = ui.querySelector<HTMLElement>('.kp-guide-answers');
		const result = ui.querySelector<HTMLElement>('.kp-guide-result');
		if (!question || !hint || !answers || !result) return;

		if (isResult(current)) {
			const source = this.querySelector<HTMLAnchorElement>(`.kp-tree a[data-result="${current.result}"]`);
			// A fresh link each time: no <a> without an href ever sits in the page.
			const link = document.createElement('a');
			link.setAttribute('href', source?.getAttribute('href') ?? '');
			link.textContent = source?.textContent ?? '';
			result.querySelector('.kp-guide-link')?.replaceChildren(link);
			const tip = current.tip ? this.querySelector(`.kp-tree [data-tip="${current.tip}"]`) : null;
			const tipOut = result.querySelector<HTMLElement>('.kp-guide-tip');
			if (tipOut) tipOut.innerHTML = tip?.innerHTML ?? '';
			question.hidden = hint.hidden = answers.hidden = true;
			result.hidden = false;
			if (moveFocus) link?.focus();
		} else {
			question.textContent = this.#text(`.kp-tree li[data-question="${current}"] > .kp-q`);
			hint.textContent = this.#text(`.kp-tree li[data-question="${current}"] > .kp-hint`);
			question.hidden = hint.hidden = answers.hidden = false;
			result.hidden = true;
			if (moveFocus) answers.querySelector('button')?.focus();
		}
		const trailList = ui.querySelector('.kp-guide-trail');
		if (trailList) trailList.replaceChildren(...trail.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
		ui.querySelector<HTMLButtonElement>('[data-action="back"]')?.toggleAttribute('disabled', this.#answers.length === 0);
	}
}

if (!customElements.get('kp-decision-guide')) customElements.define('kp-decision-guide', KpDecisionGuide);
