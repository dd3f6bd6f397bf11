import { m } from '$lib/paraglide/messages';
import type { QuestionState, QuestionStatus } from '$lib/enums';

const statuses: Record<QuestionStatus, () => string> = {
	open: () => m.questions_status_open(),
	answered: () => m.questions_status_answered()
};
const states: Record<QuestionState, () => string> = {
	open: () => m.questions_status_open(),
	answered: () => m.questions_status_answered(),
	overdue: () => m.questions_status_overdue()
};

/** A question's status as stored: open or answered. */
export const questionStatusLabel = (status: QuestionStatus): string => statuses[status]();

/** How a question stands: open, answered, or overdue (open past its due date). */
export const questionStateLabel = (state: QuestionState): string => states[state]();

/** The working days left until the due date, or past it; nothing once answered. */
export function workingDaysText(days: { left: number } | { overdue: number } | null): string {
	if (!days) return '';
	if ('overdue' in days) return m.questions_days_overdue({ count: days.overdue });
	return days.left === 0 ? m.questions_due_today() : m.questions_days_left({ count: days.left });
}
