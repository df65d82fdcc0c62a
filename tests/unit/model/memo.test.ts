import { describe, expect, it } from 'vitest';
import { remembered } from '../../../src/model/memo.ts';

describe('remembered answers', () => {
	it('computes each argument once, and forgets the least recently asked past its limit', () => {
		const asked: number[] = [];
		const square = remembered(2, (n: number) => (asked.push(n), n * n));
		expect([square(2), square(3), square(2)]).toEqual([4, 9, 4]);
		expect(asked).toEqual([2, 3]);
		// 2 was asked last, so 3 goes when 4 comes in.
		expect(square(4)).toBe(16);
		expect(square(2)).toBe(4);
		expect(asked).toEqual([2, 3, 4]);
		expect(square(3)).toBe(9);
		expect(asked).toEqual([2, 3, 4, 3]);
	});

	it('keys by value: an equal object is the same question, a false answer is kept too', () => {
		let calls = 0;
		const builds = remembered(8, (p: { entry: string; nodes: number }) => (calls++, p.nodes > 1));
		expect(builds({ entry: 'nodeport', nodes: 1 })).toBe(false);
		expect(builds({ entry: 'nodeport', nodes: 1 })).toBe(false);
		expect(calls).toBe(1);
	});
});
