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
    super('session_not_found', 404, `no session with id ${id}; create one with POST /api/sessions`);
  }
}

export class InvalidMessage extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_message', 400, message, options);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'missing or wrong session token; send the token you got when the session was created') {
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
