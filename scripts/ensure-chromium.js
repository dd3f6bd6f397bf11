// Runs before the browser tests: they need the system Chromium (never a downloaded browser build).
// Where it is missing and this user may install Debian packages (root, or sudo without a password),
// it installs Debian's `chromium` as .ci/run does; otherwise it stops with one line saying what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function executable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function succeeds(command, args) {
	return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

if (!executable(browser)) {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const aptGet = process.platform === 'linux' && succeeds('sh', ['-c', 'command -v apt-get']);
	const sudo = !root && aptGet && succeeds('sudo', ['-n', 'true']);
	if (process.env.CHROMIUM_PATH || !aptGet || !(root || sudo)) {
		const hint = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH points at ${browser}, which is not an executable` : `no Chromium at ${browser}`;
		console.error(
			`Browser tests need Chromium: ${hint}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary, then run npm test again.`
		);
		process.exit(1);
	}
	console.log("Installing Debian's chromium package for the browser tests (apt-get install chromium) …");
	const run = (args) =>
		execFileSync(sudo ? 'sudo' : args[0], sudo ? ['-n', ...args] : args.slice(1), {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	try {
		run(['apt-get', 'update', '-qq']);
		run(['apt-get', 'install', '-y', '-qq', 'chromium']);
	} catch {
		console.error('Installing chromium with apt-get failed (see above). Install it by hand (apt-get install chromium), then run npm test again.');
		process.exit(1);
	}
	if (!executable(browser)) {
		console.error(`apt-get installed chromium, but ${browser} is still missing. Set CHROMIUM_PATH to the Chromium binary, then run npm test again.`);
		process.exit(1);
	}
}
