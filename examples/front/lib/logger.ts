// Structured logger (pino-style call signature: logger.info(meta, message)).

type LogLevel = "debug" | "info" | "warn" | "error";
type LogMeta = Record<string, unknown>;

function write(level: LogLevel, meta: LogMeta, message?: string): void {
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: message,
    ...meta,
  });
  if (level === "error" || level === "warn") {
    console.error(line);
  } else {
    console.log(line);
  }
}

const logger = {
  debug: (meta: LogMeta, message?: string) => write("debug", meta, message),
  info: (meta: LogMeta, message?: string) => write("info", meta, message),
  warn: (meta: LogMeta, message?: string) => write("warn", meta, message),
  error: (meta: LogMeta, message?: string) => write("error", meta, message),
};

export type Logger = typeof logger;

export default logger;
