// The application's error types: one base with a code and an HTTP status, and the expected failures.

/** Base of every error we expect and can explain to the user. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigInvalid extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', 500, message, options);
  }
}

export class BankInvalid extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('bank_invalid', 500, message, options);
  }
}

export class SessionNotFound extends AppError {
  constructor(id: string) {
    super('session_not_found', 404, `no session with id ${id} opens with this token; check the id and token, or create a session with POST /api/sessions`);
  }
}

export class InvalidMessage extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_message', 400, message, options);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'missing session token; send the token you got when the session was created (Authorization: Bearer <token>, or ?token=)') {
    super('unauthorized', 401, message);
  }
}

export class LlmUnavailable extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('llm_unavailable', 503, message, options);
  }
}

export class JudgeOutputInvalid extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('judge_output_invalid', 502, message, options);
  }
}

export class StorageUnavailable extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage_unavailable', 503, message, options);
  }
}

/** Another process appended to the session first; rebuild it from the database and go on. */
export class SessionConflict extends AppError {
  constructor(id: string) {
    super('session_conflict', 409, `session ${id} was changed by another server process; reconnect to continue`);
  }
}

/** An interviewer reply from the LLM that cannot be used: not valid JSON, cut off, or revealing the answer. */
export class LlmOutputInvalid extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('llm_output_invalid', 502, message, options);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super('payload_too_large', 413, `the request body is larger than ${limitBytes} bytes; send a smaller body`);
  }
}

/** The plan options are valid but no interview can be made from them (no question matches). */
export class PlanUnsatisfiable extends AppError {
  constructor(message: string) {
    super('plan_unsatisfiable', 422, message);
  }
}

/** The report of a session that is still running: it would show scores and reference answers mid-interview. */
export class ReportNotReady extends AppError {
  constructor(id: string) {
    super('report_not_ready', 409, `session ${id} is still in progress; finish the interview or end it (the "end" action), then ask for the report again`);
  }
}

/** A profile-wide route on a server anyone can reach and no sign-in proxy guards (profile-identity.ts). */
export class ProfileNeedsSignIn extends AppError {
  constructor() {
    super(
      'profile_needs_sign_in',
      403,
      'this server is reachable from other machines without a sign-in, so profile-wide pages (progress, export, deletion) are off; put an authenticating proxy in front and set PROBE_AUTH_HEADER and PROBE_TRUSTED_PROXIES, or serve on 127.0.0.1',
    );
  }
}

/** The request's Host is not one this server answers to (a DNS-rebinding page, or a missing PROBE_ALLOWED_HOSTS entry). */
export class HostNotAllowed extends AppError {
  constructor(host: string) {
    super('host_not_allowed', 403, `this server does not answer to the host name "${host}"; open it at localhost or 127.0.0.1, or add the name to PROBE_ALLOWED_HOSTS`);
  }
}

/** A state-changing request from a page of another origin. */
export class ForbiddenOrigin extends AppError {
  constructor(origin: string) {
    super('forbidden_origin', 403, `requests from pages at ${origin} may not change anything here; add the origin to PROBE_ALLOWED_ORIGINS if it is yours`);
  }
}

/** A state-changing request whose body is not declared as JSON. */
export class UnsupportedMediaType extends AppError {
  constructor(contentType: string | undefined) {
    super('unsupported_media_type', 415, `send the body as JSON with the header Content-Type: application/json (got ${contentType ? `"${contentType}"` : 'no Content-Type'})`);
  }
}

/** A client created sessions faster than the limit allows; `retryAfterSeconds` goes in the Retry-After header. */
export class TooManySessions extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_sessions', 429, `too many new sessions from this address; try again in ${retryAfterSeconds} s (the limit is set by PROBE_SESSION_CREATE_PER_MIN and PROBE_SESSION_CREATE_BURST)`);
  }
}
