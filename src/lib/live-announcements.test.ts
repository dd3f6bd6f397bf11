import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeChange, pageScope, throttledSay, unreadSentence, type AnnouncedChange } from './live-announcements';

const me = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const consortium = '00000000-0000-4000-8000-0000000000c1';
const requirement = '00000000-0000-4000-8000-0000000000a1';
const itemPage = pageScope('/(app)/c/[slug=slug]/requirements/[id=uuid]', { slug: 'ostergotland', id: requirement }, consortium);
const listPage = pageScope('/(app)/c/[slug=slug]/requirements', { slug: 'ostergotland' }, consortium);
const change = (overrides: Partial<AnnouncedChange>): AnnouncedChange => ({
	consortiumId: consortium,
	topic: 'requirement',
	action: 'comment.created',
	entityId: requirement,
	actorId: other,
	...overrides
});

describe('which live changes are said, and how', () => {
	it('says nothing of the person’s own changes, of changes by no known person, or on pages they do not touch', () => {
		expect(describeChange(change({ actorId: me }), itemPage, me)).toBeNull();
		expect(describeChange(change({ actorId: null, action: 'requirement.body_edited' }), itemPage, me)).toBeNull();
		expect(describeChange(change({}), pageScope('/(app)/account', {}, null), me)).toBeNull();
		expect(describeChange(change({ entityId: '00000000-0000-4000-8000-0000000000a2' }), itemPage, me)).toBeNull();
		expect(describeChange(change({ consortiumId: '00000000-0000-4000-8000-0000000000c2', action: 'requirement.created' }), listPage, me)).toBeNull();
		expect(describeChange(change({ topic: 'need' }), itemPage, me)).toBeNull();
	});

	it('names what happened to the item being viewed', () => {
		expect(describeChange(change({}), itemPage, me)).toBe('Ny kommentar');
		expect(describeChange(change({ action: 'requirement.updated' }), itemPage, me)).toBe('Kravet har sparats av någon annan');
		expect(describeChange(change({ action: 'requirement.objected_by' }), itemPage, me)).toBe('En organisation har invänt mot kravet');
		expect(describeChange(change({ action: 'requirement.deleted' }), itemPage, me)).toBe('Kravet har tagits bort av någon annan');
		expect(describeChange(change({ action: 'requirement.something_new' }), itemPage, me)).toBe('Någon annan har ändrat det här');
	});

	it('says on an initiative’s page that its procurement lifecycle changed', () => {
		const initiative = '00000000-0000-4000-8000-0000000000b1';
		const page = pageScope('/(app)/c/[slug=slug]/roadmap/[id=uuid]', { slug: 'ostergotland', id: initiative }, consortium);
		const lifecycle = (action: string) => change({ topic: 'initiative', entityId: initiative, action });
		expect(describeChange(lifecycle('lifecycle.activity_status_set'), page, me)).toBe('Någon annan har ändrat en upphandlingsaktivitet');
		expect(describeChange(lifecycle('lifecycle.activity_added'), page, me)).toBe('Någon annan har lagt till en upphandlingsaktivitet');
		expect(describeChange(lifecycle('lifecycle.dates_set'), page, me)).toBe('Någon annan har ändrat upphandlingens datum');
	});

	it('says on a requirement’s page that an attachment was added or removed', () => {
		expect(describeChange(change({ action: 'attachment.added' }), itemPage, me)).toBe('Någon annan har lagt till en bilaga');
		expect(describeChange(change({ action: 'attachment.removed' }), itemPage, me)).toBe('Någon annan har tagit bort en bilaga');
		expect(describeChange(change({ action: 'attachment.added' }), listPage, me)).toBeNull();
	});

	it('on a list, says an item was added or the list changed, and leaves comments out', () => {
		expect(describeChange(change({ action: 'requirement.created', entityId: 'x' }), listPage, me)).toBe('Ett nytt krav har lagts till');
		expect(describeChange(change({ action: 'requirement.submitted', entityId: 'x' }), listPage, me)).toBe('Listan har ändrats');
		expect(describeChange(change({}), listPage, me)).toBeNull();
	});

	it('on the list of tender packages, says the list changed when someone produces one', () => {
		const packages = pageScope('/(app)/c/[slug=slug]/documents/tender', { slug: 'ostergotland' }, consortium);
		expect(describeChange(change({ topic: 'tender_package', action: 'tender_package.produced', entityId: 'p1' }), packages, me)).toBe('Listan har ändrats');
	});

	it('on the list of impact flags to review, says the list changed when someone raises or clears a flag', () => {
		const flags = pageScope('/(app)/c/[slug=slug]/requirements/impact', { slug: 'ostergotland' }, consortium);
		expect(describeChange(change({ topic: 'impact_flag', action: 'impact_flag.cleared', entityId: 'f1' }), flags, me)).toBe('Listan har ändrats');
		expect(describeChange(change({ topic: 'impact_flag', action: 'impact_flag.raised', entityId: null }), flags, me)).toBe('Listan har ändrats');
	});

	it('names what happened to a risk, a status report or an effect goal being viewed', () => {
		const on = (route: string, topic: string, action: string) =>
			describeChange(change({ topic, action, entityId: 'e1' }), pageScope(route, { slug: 'ostergotland', id: 'e1' }, consortium), me);
		const risk = '/(app)/c/[slug=slug]/governance/risks/[id=uuid]';
		expect(on(risk, 'risk', 'risk.assessed')).toBe('Risken har fått en ny bedömning');
		expect(on(risk, 'risk', 'risk.escalated')).toBe('Risken har gått in i det höga intervallet och väntar på styrgruppen');
		expect(on(risk, 'risk', 'risk.action_done')).toBe('Någon annan har ändrat riskens åtgärder');
		expect(on(risk, 'risk', 'risk.updated')).toBe('Risken har ändrats av någon annan');
		const report = '/(app)/c/[slug=slug]/governance/status-reports/[id=uuid]';
		expect(on(report, 'status_report', 'status_report.saved')).toBe('Rapporten har sparats av någon annan');
		expect(on(report, 'status_report', 'status_report.submitted')).toBe('Rapporten har lämnats in');
		expect(on(report, 'status_report', 'status_report.acknowledged')).toBe('Rapporten är markerad som läst');
		const goal = '/(app)/c/[slug=slug]/governance/goals/[id=uuid]';
		expect(on(goal, 'effect_goal', 'effect_goal.measurement_recorded')).toBe('En ny mätning har registrerats');
		expect(on(goal, 'effect_goal', 'effect_goal.updated')).toBe('Effektmålet har ändrats av någon annan');
		expect(on(goal, 'risk', 'risk.assessed')).toBeNull();
	});

	it('on the governance lists, says what kind of change it was; on the agenda, that its proposals are brought up to date', () => {
		const on = (route: string, topic: string, action: string) =>
			describeChange(change({ topic, action, entityId: 'e1' }), pageScope(route, { slug: 'ostergotland' }, consortium), me);
		expect(on('/(app)/c/[slug=slug]/governance/risks', 'risk', 'risk.raised')).toBe('En ny risk har lagts till');
		expect(on('/(app)/c/[slug=slug]/governance/risks', 'risk', 'risk.escalated')).toBe('En risk har gått in i det höga intervallet');
		expect(on('/(app)/c/[slug=slug]/governance/status-reports', 'status_report', 'status_report.submitted')).toBe('En statusrapport har lämnats in');
		expect(on('/(app)/c/[slug=slug]/governance/budget', 'budget', 'budget.imported')).toBe('Någon annan har importerat budget eller utfall');
		expect(on('/(app)/c/[slug=slug]/governance/budget', 'budget', 'budget.line_saved')).toBe('Någon annan har ändrat budgeten');
		expect(on('/(app)/c/[slug=slug]/governance/goals', 'effect_goal', 'effect_goal.created')).toBe('Ett nytt effektmål har lagts till');
		expect(on('/(app)/c/[slug=slug]/governance/budget', 'risk', 'risk.raised')).toBeNull();
		const agenda = 'Något som styrgruppens dagordning bygger på har ändrats. Förslagen är uppdaterade.';
		expect(on('/(app)/c/[slug=slug]/governance/agenda', 'budget', 'budget.line_saved')).toBe(agenda);
		expect(on('/(app)/c/[slug=slug]/governance/agenda', 'question', 'question.answered')).toBe(agenda);
		expect(on('/(app)/c/[slug=slug]/governance/agenda', 'effect_goal', 'effect_goal.created')).toBeNull();
	});

	it('counts unread notifications in words', () => {
		expect(unreadSentence(1)).toBe('Du har 1 oläst avisering');
		expect(unreadSentence(3)).toBe('Du har 3 olästa aviseringar');
	});
});

describe('throttledSay', () => {
	afterEach(() => vi.useRealTimers());

	it('says at most once a second, each distinct sentence of a burst once', () => {
		vi.useFakeTimers();
		const said: string[] = [];
		const spoken = throttledSay((text) => said.push(text), 1000);
		spoken.say('Ny kommentar');
		vi.advanceTimersByTime(0);
		expect(said).toEqual(['Ny kommentar']);
		spoken.say('Ny kommentar');
		spoken.say('Du har 1 oläst avisering');
		spoken.say('Ny kommentar');
		vi.advanceTimersByTime(999);
		expect(said).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(said).toEqual(['Ny kommentar', 'Ny kommentar. Du har 1 oläst avisering']);
		spoken.say('Listan har ändrats');
		spoken.stop();
		vi.advanceTimersByTime(5000);
		expect(said).toHaveLength(2);
	});
});
