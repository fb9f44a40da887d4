import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors.js';
import { kafkaLibDir, kafkaToolDir } from './paths.js';
import { onPath, run } from './process.js';

/** The Kafka version that tools/kafka/pom.xml declares. */
export function declaredKafkaVersion(): string {
  const pom = readFileSync(path.join(kafkaToolDir, 'pom.xml'), 'utf8');
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
  if (!version) throw new InfraError('tools/kafka/pom.xml has no <kafka.version> property');
  return version;
}

/** True when the broker's classpath for the declared version is already in tools/kafka/lib. */
export function kafkaJarsPresent(): boolean {
  return existsSync(path.join(kafkaLibDir, `kafka_2.13-${declaredKafkaVersion()}.jar`));
}

/**
 * Fetches the broker's runtime classpath from Maven Central once (`mvn dependency:copy-dependencies`)
 * into a temporary folder, then renames it into place, so an interrupted download is never used.
 */
export async function ensureKafkaJars(log: (line: string) => void): Promise<void> {
  if (kafkaJarsPresent()) return;
  if (!(await onPath('mvn'))) {
    throw new InfraError(
      'Maven is needed once to fetch the Apache Kafka jars from Maven Central: install it ' +
        '(Debian: apt-get install maven), or set KAFKA_BROKERS to a Kafka you already run',
    );
  }
  const version = declaredKafkaVersion();
  log(
    `Kafka: fetching Apache Kafka ${version} jars from Maven Central into ${path.relative(process.cwd(), kafkaLibDir) || kafkaLibDir} (once)`,
  );
  const temp = `${kafkaLibDir}.download`;
  rmSync(temp, { recursive: true, force: true });
  try {
    await run('mvn', [
      '-q',
      '-B',
      '-f',
      path.join(kafkaToolDir, 'pom.xml'),
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${temp}`,
    ]);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw new InfraError(`fetching the Kafka jars with Maven failed: ${(error as Error).message}`);
  }
  if (!readdirSync(temp).includes(`kafka_2.13-${version}.jar`)) {
    throw new InfraError(`Maven finished, but kafka_2.13-${version}.jar is not among the fetched jars in ${temp}`);
  }
  rmSync(kafkaLibDir, { recursive: true, force: true });
  renameSync(temp, kafkaLibDir);
}

/** Checks that a Java 17+ runtime is on the PATH, saying what to install when it is not. */
export async function ensureJava(): Promise<void> {
  const advice =
    'install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless), or set KAFKA_BROKERS to a Kafka you already run';
  let output: string;
  try {
    const { stdout, stderr } = await run('java', ['-version']);
    output = `${stderr}${stdout}`;
  } catch {
    throw new InfraError(`Java is needed to run the Kafka broker and was not found: ${advice}`);
  }
  const major = Number(/version "(\d+)/.exec(output)?.[1]);
  if (!(major >= 17))
    throw new InfraError(`Java ${major || '(unknown version)'} is too old to run the Kafka broker: ${advice}`);
}
