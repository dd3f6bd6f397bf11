import { describe, expect, it } from 'vitest';
import { changeKeys } from './live-keys';

describe('what a live change reloads', () => {
	it('names the topic (lists), the thing and the things related to it (their pages), and the catch-all', () => {
		expect(changeKeys({ consortiumId: 'c', topic: 'story', action: 'story.updated', entityId: 's1', related: ['n1', 'n2'], actorId: 'u' })).toEqual([
			'samsyn:story',
			'samsyn:item:s1',
			'samsyn:item:n1',
			'samsyn:item:n2',
			'samsyn:any'
		]);
	});

	it('a change with no thing of its own reloads only the topic and the catch-all', () => {
		expect(changeKeys({ consortiumId: null, topic: 'notification', action: 'notification.read', entityId: null })).toEqual([
			'samsyn:notification',
			'samsyn:any'
		]);
	});
});
