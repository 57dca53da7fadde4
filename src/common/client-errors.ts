import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from './problem';

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', detail: 'The request line and headers exceed 16 KB.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' },
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (headers too large, a timeout,
 * a malformed request line) never reaches a route; it is answered here as an RFC 9457 problem, on the
 * raw socket, instead of Fastify's own JSON.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[err.code ?? ''] ?? {
    status: 400,
    code: 'BAD_REQUEST',
    detail: 'The request could not be read.',
  };
  const title = STATUS_CODES[known.status] ?? 'Bad Request';
  const body = JSON.stringify({
    type: `https://credit-engine.local/problems/${known.code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: known.status,
    detail: known.detail,
    code: known.code,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
