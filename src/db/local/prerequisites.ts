import { execFile } from 'node:child_process';
import path from 'node:path';
import { loadConfig, type Config } from '../../config.ts';

export const MIN_JAVA_MAJOR = 17;
// maven-compiler-plugin 3.13 / maven-dependency-plugin 3.8 refuse to run on older Maven.
export const MIN_MAVEN_VERSION: readonly [number, number, number] = [3, 6, 3];

const ESCAPE_HATCH = 'or set NEO4J_URI to use an existing Neo4j 5 server';
const INSTALL_JAVA = `install OpenJDK 17 (apt-get install openjdk-17-jdk; macOS: brew install openjdk@17) ${ESCAPE_HATCH}`;
const INSTALL_MAVEN = `install Apache Maven 3.6.3+ (apt-get install maven; macOS: brew install maven) ${ESCAPE_HATCH}`;

/**
 * Major Java version from `java -version` output (which goes to stderr), e.g. 17 for
 * `openjdk version "17.0.15" 2025-04-15` and 8 for the legacy `java version "1.8.0_392"`.
 * Returns undefined when no version line is present.
 */
export function parseJavaMajorVersion(output: string): number | undefined {
  // Lines such as "Picked up JAVA_TOOL_OPTIONS: ..." may precede the version line.
  const m = /\bversion\s+"(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  if (first === 1 && m[2] !== undefined) return Number(m[2]);
  return first;
}

/** `[major, minor, patch]` from `mvn -v` output (`Apache Maven 3.8.7 (...)`), ANSI colours tolerated. */
export function parseMavenVersion(output: string): [number, number, number] | undefined {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const m = /Apache Maven (\d+)\.(\d+)(?:\.(\d+))?/.exec(plain);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function versionAtLeast(v: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** JAVA_HOME wins, as it does for Maven, so the launcher runs on the JDK that built it. */
export function javaExecutable(config: Pick<Config, 'JAVA_HOME'> = loadConfig()): string {
  const home = config.JAVA_HOME;
  return home ? path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}

export function mavenExecutable(): string {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

/** Combined stdout+stderr; empty when the command could not be started at all. */
function versionOutput(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000, shell: process.platform === 'win32' }, (_err, stdout, stderr) => {
      // Exit status is ignored: the parsers decide whether a usable version was printed.
      resolve(`${stdout}\n${stderr}`);
    });
  });
}

/**
 * Throws an Error naming exactly what to install when java (17+) or mvn is missing or too old.
 * Both are checked before throwing so one message lists everything that is missing. Maven is
 * only needed to fetch/build the jars, so callers that already have them pass `{ maven: false }`.
 */
export async function checkPrerequisites(opts: { maven?: boolean } = {}, config: Pick<Config, 'JAVA_HOME'> = loadConfig()): Promise<void> {
  const needMaven = opts.maven ?? true;
  const java = javaExecutable(config);
  const [javaOut, mvnOut] = await Promise.all([
    versionOutput(java, ['-version']),
    needMaven ? versionOutput(mavenExecutable(), ['-v']) : Promise.resolve(''),
  ]);
  const problems: string[] = [];

  const javaMajor = parseJavaMajorVersion(javaOut);
  if (javaMajor === undefined) {
    const where = config.JAVA_HOME ? ` (looked for ${java} via JAVA_HOME)` : '';
    problems.push(`Java ${MIN_JAVA_MAJOR}+ not found${where}: ${INSTALL_JAVA}`);
  } else if (javaMajor < MIN_JAVA_MAJOR) {
    problems.push(`Java ${javaMajor} found but Java ${MIN_JAVA_MAJOR}+ is required: ${INSTALL_JAVA}`);
  }

  if (needMaven) {
    const mvnVersion = parseMavenVersion(mvnOut);
    const minMvn = MIN_MAVEN_VERSION.join('.');
    if (mvnVersion === undefined) {
      problems.push(`Maven ${minMvn}+ not found: ${INSTALL_MAVEN}`);
    } else if (!versionAtLeast(mvnVersion, MIN_MAVEN_VERSION)) {
      problems.push(`Maven ${mvnVersion.join('.')} found but ${minMvn}+ is required: ${INSTALL_MAVEN}`);
    }
  }

  if (problems.length > 0) throw new Error(problems.join('\n'));
}
