import { m } from '$lib/paraglide/messages';
import type { AttendanceStatus } from '$lib/enums';

const attendance: Record<AttendanceStatus, () => string> = {
	present: () => m.meetings_attendance_present(),
	absent: () => m.meetings_attendance_absent(),
	excused: () => m.meetings_attendance_excused()
};

/** Närvarande, frånvarande, anmält förhinder. */
export const attendanceLabel = (status: AttendanceStatus | null | undefined): string => (status ? attendance[status]() : m.meetings_attendance_unset());
