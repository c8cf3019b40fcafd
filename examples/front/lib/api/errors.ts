import type { Context, Env, TypedResponse } from "hono";
import type { NextApiRequest, NextApiResponse } from "next";

import logger from "@app/lib/logger";

export type APIErrorType =
  | "invalid_request_error"
  | "not_authenticated"
  | "workspace_auth_error"
  | "workspace_not_found"
  | "space_not_found"
  | "group_not_found"
  | "user_not_found"
  | "api_key_not_found"
  | "trigger_not_found"
  | "domain_already_in_use"
  | "method_not_supported_error"
  | "internal_server_error";

export interface APIError {
  type: APIErrorType;
  message: string;
}

export interface APIErrorWithStatusCode {
  status_code: number;
  api_error: APIError;
}

export type WithAPIErrorResponse<T> = T | { error: APIError };

export function apiError<T>(
  req: NextApiRequest,
  res: NextApiResponse<WithAPIErrorResponse<T>>,
  apiError: APIErrorWithStatusCode,
  error?: Error
): void {
  const log = apiError.status_code >= 500 ? logger.error : logger.info;
  log(
    {
      method: req.method,
      url: req.url,
      statusCode: apiError.status_code,
      apiError: apiError.api_error,
      error: error?.message,
    },
    "API error"
  );
  res.status(apiError.status_code).json({ error: apiError.api_error });
}

export function apiErrorForHono<E extends Env>(
  ctx: Context<E>,
  apiError: APIErrorWithStatusCode,
  error?: Error
): TypedResponse {
  const log = apiError.status_code >= 500 ? logger.error : logger.info;
  log(
    {
      method: ctx.req.method,
      path: ctx.req.path,
      statusCode: apiError.status_code,
      apiError: apiError.api_error,
      error: error?.message,
    },
    "API error"
  );
  return ctx.json({ error: apiError.api_error }, apiError.status_code);
}
