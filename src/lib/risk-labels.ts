import { m } from '$lib/paraglide/messages';
import type { RiskStatus } from '$lib/enums';
import type { RiskBand } from '$lib/risks/bands';

const statuses: Record<RiskStatus, () => string> = {
	open: () => m.risks_status_open(),
	mitigating: () => m.risks_status_mitigating(),
	accepted: () => m.risks_status_accepted(),
	occurred: () => m.risks_status_occurred(),
	closed: () => m.risks_status_closed()
};
const bands: Record<RiskBand, () => string> = {
	low: () => m.risks_band_low(),
	medium: () => m.risks_band_medium(),
	high: () => m.risks_band_high()
};

export const riskStatusLabel = (status: RiskStatus) => statuses[status]();
export const riskBandLabel = (band: RiskBand) => bands[band]();
