import { type Tree } from '@nx/devkit';
import { GeneratorError } from '../generator-error.js';

/**
 * Writes `text` into `file` just before the first match of `anchor` (or after it, with `after`).
 * A missing file or anchor stops the run: a registration must never be skipped silently.
 */
export function insertAt(
  tree: Tree,
  file: string,
  anchor: RegExp,
  text: string,
  where: 'before' | 'after' = 'before',
): void {
  const source = tree.read(file, 'utf-8');
  if (source === null) throw new GeneratorError(`${file} is missing: cannot register the service there.`);
  const match = anchor.exec(source);
  if (!match) {
    throw new GeneratorError(
      `${file} has changed shape (no match for ${anchor}): register the service there by hand, or update the generator.`,
    );
  }
  const at = where === 'before' ? match.index : match.index + match[0].length;
  tree.write(file, source.slice(0, at) + text + source.slice(at));
}
