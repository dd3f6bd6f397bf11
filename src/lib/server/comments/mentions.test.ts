import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const people = [
	{ id: '1', name: 'Anna', email: 'anna@kinda.se' },
	{ id: '2', name: 'Anna Berg', email: 'ab@ydre.se' },
	{ id: '3', name: 'Ombud Ydre', email: 'ombud.ydre@samsyn.demo' }
];

describe('findMentions', () => {
	it('finds people by full name or email, case-insensitively, once each', () => {
		const ids = findMentions('Hej @ombud ydre och @ANNA@kinda.se, se @Ombud Ydre igen', people).map((p) => p.id);
		expect(ids.sort()).toEqual(['1', '3']);
	});
	it('prefers the longest name and ignores mid-word @ and partial names', () => {
		expect(findMentions('@Anna Berg tittar', people).map((p) => p.id)).toEqual(['2']);
		expect(findMentions('mejla x@Anna eller @Annabel', people)).toEqual([]);
	});
	it('accepts punctuation after a name', () => {
		expect(findMentions('Tack @Anna!', people).map((p) => p.id)).toEqual(['1']);
	});
});
