import { readFileSync } from 'node:fs';

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]+?-----END [A-Z0-9 ]+-----/;

/** Why a setting's PEM file cannot be used, or undefined when it can. */
export function pemFileProblem(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return PEM_BLOCK.test(text) ? undefined : `${file} holds no PEM block (-----BEGIN ...-----)`;
}

/** Reads a PEM file (a CA, a certificate or a key) a setting names; throws naming the setting when it cannot. */
export function readPemFile(file: string, setting: string): string {
  const problem = pemFileProblem(file);
  if (problem) throw new Error(`${setting}: ${problem}`);
  return readFileSync(file, 'utf8');
}
