import { describe, expect, it } from 'vitest';
import { cleanAliases, collisions, matchTechnology, nameKey } from './matching';

const catalogue = [
	{ id: 'dispenser', name: 'Läkemedelsautomat', aliases: ['medicinrobot', 'läkemedelsrobot'] },
	{ id: 'gps', name: 'GPS-larm', aliases: ['GPS', 'positioneringslarm'] },
	{ id: 'locks', name: 'Digitala lås', aliases: ['nyckelfri hemtjänst'] },
	{ id: 'alarm', name: 'Mobilt trygghetslarm', aliases: ['mobila trygghetslarm'] },
	{ id: 'supervision', name: 'Digital tillsyn', aliases: ['nattkamera', 'kameratillsyn'] },
	{ id: 'sensors', name: 'Sensor', aliases: [] },
	{ id: 'cabinet', name: 'Digitalt läkemedelsskåp', aliases: [] }
];

describe('matching a free-text name to the catalogue', () => {
	it.each([
		['läkemedelsautomat', 'dispenser', 'exact'],
		['Läkemedelsautomater', 'dispenser', 'inflected'],
		['läkemedelsautomaten', 'dispenser', 'inflected'],
		['läkemedelsautomaterna', 'dispenser', 'inflected'],
		['lakemedelsautomat', 'dispenser', 'exact'],
		['  LÄKEMEDELSAUTOMAT ', 'dispenser', 'exact'],
		['medicinrobot', 'dispenser', 'exact'],
		['Medicinrobotar', 'dispenser', 'inflected'],
		['GPS larm', 'gps', 'exact'],
		['gps-larm', 'gps', 'exact'],
		['gpslarm', 'gps', 'exact'],
		['gps', 'gps', 'exact'],
		['Digitala GPS-larm', 'gps', 'loose'],
		['GPS-larmen', 'gps', 'inflected'],
		['digitala lås', 'locks', 'exact'],
		['Digitala lås', 'locks', 'exact'],
		['digitala låsen', 'locks', 'inflected'],
		['Mobila trygghetslarm', 'alarm', 'exact'],
		['digital tillsyn', 'supervision', 'exact'],
		['Digital Tillsyn', 'supervision', 'exact'],
		['sensorer', 'sensors', 'inflected'],
		['sensorerna', 'sensors', 'inflected'],
		['digitala läkemedelsskåp', 'cabinet', 'loose']
	])('%s → %s (%s)', (input, id, level) => {
		const result = matchTechnology(input, catalogue);
		expect(result).toMatchObject({ kind: 'match', technology: { id }, level });
	});

	it.each([['robotkatt'], ['VR'], [''], ['   '], ['lås i säbo och annat']])('finds nothing for %j', (input) => {
		expect(matchTechnology(input, catalogue).kind).toBe('none');
	});

	it('says which technologies a name could mean when two match at the same level', () => {
		const two = [...catalogue, { id: 'gps2', name: 'GPS-klocka', aliases: ['gps'] }];
		const result = matchTechnology('gps', two);
		expect(result.kind).toBe('ambiguous');
		expect(result.kind === 'ambiguous' && result.candidates.map((c) => c.id).sort()).toEqual(['gps', 'gps2']);
	});

	it('keeps the strictest level: an exact alias wins over an inflected name', () => {
		const near = [
			{ id: 'a', name: 'Larmet', aliases: [] },
			{ id: 'b', name: 'Larm', aliases: [] }
		];
		expect(matchTechnology('larm', near)).toMatchObject({ kind: 'match', technology: { id: 'b' }, level: 'exact' });
	});

	it('folds case, accents and separators into one key', () => {
		expect(nameKey('Digitala GPS-larm')).toBe('digitalagpslarm');
		expect(nameKey('Åtvidaberg')).toBe('atvidaberg');
		expect(nameKey('Söderköping')).toBe(nameKey('soderkoping'));
	});

	it('cleans aliases and finds names that collide with another technology', () => {
		expect(cleanAliases('GPS-larm', [' gps ', 'GPS larm', 'GPS', '', 'positioneringslarm'])).toEqual(['gps', 'positioneringslarm']);
		expect(collisions(['Medicinrobot', 'Ny sak'], catalogue).map((c) => c.technology.id)).toEqual(['dispenser']);
		expect(collisions(['Medicinrobot'], catalogue, 'dispenser')).toEqual([]);
	});
});
