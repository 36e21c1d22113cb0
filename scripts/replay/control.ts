// The server's own controls under /__replay/: read and switch faults, read and empty the request
// log. They are not part of the fake site: never logged, faulted, rate-limited or challenged.
import type { IncomingMessage } from 'node:http';
import { type Answer, jsonAnswer } from './answer.ts';
import { type FaultConfig, FaultConfigError, parseFaultConfig } from './faults.ts';
import type { RequestLogEntry } from './types.ts';

export type ControlState = {
  faults(): FaultConfig;
  setFaults(faults: FaultConfig): void;
  requests: RequestLogEntry[];
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export async function control(req: IncomingMessage, url: URL, state: ControlState): Promise<Answer> {
  const at = (path: string, method: string) => url.pathname === path && req.method === method;
  if (at('/__replay/faults', 'GET')) return jsonAnswer(200, state.faults());
  if (at('/__replay/faults', 'POST')) {
    try {
      state.setFaults(parseFaultConfig(JSON.parse(await readBody(req))));
      return jsonAnswer(200, state.faults());
    } catch (e) {
      const message = e instanceof FaultConfigError || e instanceof SyntaxError ? e.message : String(e);
      return jsonAnswer(400, { error: message });
    }
  }
  if (at('/__replay/faults', 'DELETE')) {
    state.setFaults({});
    return jsonAnswer(200, state.faults());
  }
  if (at('/__replay/requests', 'GET')) return jsonAnswer(200, state.requests);
  if (at('/__replay/requests', 'DELETE')) {
    state.requests.length = 0;
    return jsonAnswer(200, state.requests);
  }
  return jsonAnswer(404, { error: 'unknown replay control endpoint' });
}
