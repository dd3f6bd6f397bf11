import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { contentDisposition } from '$lib/server/exports/http';
import { contentTypes, exportName, initiativesXlsx, roadmapExportFormats, roadmapPdf, roadmapPng, type RoadmapExportFormat } from '$lib/server/roadmap/exports';
import { roadmap } from '$lib/server/roadmap/queries';
import { RoadmapView } from '$lib/server/roadmap/schemas';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import type { Horizon } from '$lib/roadmap/timeline';
import type { RequestHandler } from './$types';

/** The roadmap as it is shown (`?years=&lanes=&organisation=`): a PNG for a slide, a PDF, or the initiatives as XLSX. Internal members only. */
export const GET: RequestHandler = async (event) => {
	const format = event.params.format as RoadmapExportFormat;
	if (!(roadmapExportFormats as readonly string[]).includes(format)) error(404, 'Not found');
	const { consortium, actor } = await inConsortium(event);
	const view = RoadmapView.parse(Object.fromEntries(event.url.searchParams));
	const locale = getLocale() === 'en' ? 'en' : 'sv';
	try {
		const data = await roadmap(actor, consortium.id, view.organisation);
		const doc = {
			title: data.organisation ? m.roadmap_heading_for({ organisation: data.organisation.name }, { locale }) : m.nav_roadmap({}, { locale }),
			consortium: consortium.name,
			today: data.today,
			years: view.years as Horizon,
			lanes: view.lanes,
			organisation: data.organisation,
			initiatives: data.initiatives,
			ownPlans: data.ownPlans
		};
		const body = format === 'png' ? roadmapPng(doc, locale) : format === 'pdf' ? await roadmapPdf(doc, locale) : await initiativesXlsx(doc, locale);
		return new Response(body as BodyInit, {
			headers: {
				'content-type': contentTypes[format],
				'content-disposition': contentDisposition(exportName(doc, format)),
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		notFoundOn(e);
	}
};
