import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-formats';

describe('Intl formatters', () => {
	it('builds each distinct formatter once and keeps different options apart', () => {
		const date = dateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'Europe/Stockholm' });
		expect(dateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'Europe/Stockholm' })).toBe(date);
		const withTime = dateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
		expect(withTime).not.toBe(date);
		expect(dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Stockholm' })).not.toBe(date);
		const instant = new Date('2026-03-01T23:30:00Z'); // already 2 March in Stockholm
		expect(date.format(instant)).toBe('2 mars 2026');
		expect(withTime.format(instant)).toBe('2 mars 2026 00:30');
		expect(numberFormat('sv-SE', { maximumFractionDigits: 2 }).format(12.5)).toBe('12,5');
		expect(numberFormat('en-GB', { maximumFractionDigits: 2 }).format(12.5)).toBe('12.5');
	});
});
