import { readFileSync } from 'node:fs';

// The only file-system access of the domain: a data file bundled beside this module, read once
// when the service starts. A missing list must stop start-up, never let every password through.
const LIST = new URL('./common-passwords.txt', import.meta.url);

function load(): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(LIST, 'utf8');
  } catch (error) {
    const message = `The common-password list ${LIST.pathname} could not be read; it must ship beside this module`;
    throw new Error(message, { cause: error });
  }
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
}

const COMMON_PASSWORDS = load();

/** True when `password` is on the bundled list of common and breached passwords, whatever its case. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** How many passwords the list holds; for tests and start-up logs. */
export function commonPasswordCount(): number {
  return COMMON_PASSWORDS.size;
}
