// Fails with a plain message (not a stack trace) when no Chromium is installed.
import { chromiumPath } from './chromium-path.mjs';

if (!chromiumPath()) {
  console.error(
    [
      'The tests run in a real Chromium, and none was found.',
      'Install it with:   sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROME_PATH at a Chromium/Chrome binary:   CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}
