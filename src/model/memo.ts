/*
 * A pure function's answers, kept: at most `limit` of them, the least recently asked going first.
 * Keyed by the argument's JSON, so equal parameter sets written in the same order share an answer.
 * For values never changed once made (the model's scenarios, booleans).
 */
export function remembered<A, R>(limit: number, compute: (arg: A) => R): (arg: A) => R {
	const answers = new Map<string, R>();
	return (arg) => {
		const key = JSON.stringify(arg);
		if (answers.has(key)) {
			const known = answers.get(key) as R;
			// Asked again: the most recent now.
			answers.delete(key);
			answers.set(key, known);
			return known;
		}
		const answer = compute(arg);
		if (answers.size >= limit) answers.delete(answers.keys().next().value!);
		answers.set(key, answer);
		return answer;
	};
}
