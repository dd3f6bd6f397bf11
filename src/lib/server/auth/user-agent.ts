/**
 * A short description of the browser and system from a User-Agent header ("Firefox on Windows"),
 * for the sessions page. Deliberately small: it names the common ones and otherwise says nothing.
 */
export interface Device {
	browser: string | null;
	os: string | null;
}

const browsers: [RegExp, string][] = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\bOPR\/|\bOpera\b/, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\bFirefox\/|\bFxiOS\//, 'Firefox'],
	[/\bHeadlessChrome\//, 'Chrome (headless)'],
	[/\bChrome\/|\bCriOS\/|\bChromium\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
	[/\bcurl\//, 'curl']
];

const systems: [RegExp, string][] = [
	[/\b(iPhone|iPad|iPod)\b/, 'iOS'],
	[/\bAndroid\b/, 'Android'],
	[/\bWindows\b/, 'Windows'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

export function describeUserAgent(userAgent: string | null | undefined): Device {
	const ua = userAgent ?? '';
	return {
		browser: browsers.find(([re]) => re.test(ua))?.[1] ?? null,
		os: systems.find(([re]) => re.test(ua))?.[1] ?? null
	};
}
