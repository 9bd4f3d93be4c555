import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

import { UsageError } from './cli-args';

/** The operator token: the file given, else ADMIN_TOKEN, else the one `npm start` wrote into its data folder. */
export function operatorToken(file: string | null, env: NodeJS.ProcessEnv): string {
  if (file !== null) {
    if (!existsSync(file)) throw new UsageError(`--operator-token-file ${file}: no such file`);
    return readFileSync(file, 'utf8').trim();
  }
  if (env.ADMIN_TOKEN) return env.ADMIN_TOKEN;
  const stored = join(resolve(env.DATA_DIR ?? './data'), 'admin-token');
  if (existsSync(stored)) return readFileSync(stored, 'utf8').trim();
  throw new UsageError(`no operator token: give --operator-token-file, or set ADMIN_TOKEN (npm start prints where the token is; looked in ${stored})`);
}

/** Badgr's password from the variable named, else asked on the terminal without echoing it. */
export async function badgrPassword(passwordEnv: string | null, env: NodeJS.ProcessEnv, username: string): Promise<string> {
  if (passwordEnv !== null) return env[passwordEnv] as string;
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask the Badgr password on: give --password-env VAR');
  const prompt = `Badgr password for ${username}: `;
  const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing of what is typed; readline writes through _writeToOutput.
  (terminal as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
    if (text.startsWith(prompt)) process.stderr.write(prompt);
  };
  const password = await new Promise<string>((answer) => terminal.question(prompt, answer));
  terminal.close();
  process.stderr.write('\n');
  return password;
}
