import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createCategory, createTechnology, deleteCategory } from '$lib/server/portfolio/commands';
import { portfolioMatrix } from '$lib/server/portfolio/queries';
import { CategoryInput, MatrixFilter, TechnologyInput } from '$lib/server/portfolio/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:portfolio');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const filter = MatrixFilter.parse(Object.fromEntries(event.url.searchParams));
	try {
		return { filter, ...(await portfolioMatrix(actor, consortium.id, filter)) };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	category: formAction(CategoryInput, async (input, { actor, consortium }) => {
		const category = await createCategory(actor, consortium.id, input);
		return { name: category.name };
	}),
	deleteCategory: formAction(z.object({ categoryId: z.uuid({ message: 'invalid_choice' }) }), async (input, { actor, consortium }) => {
		await deleteCategory(actor, consortium.id, input.categoryId);
		return { done: 'deleted' };
	}),
	technology: formAction(TechnologyInput, async (input, { actor, consortium }) => {
		const technology = await createTechnology(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/portfolio/${technology.id}`);
	})
};
