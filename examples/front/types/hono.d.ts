// Minimal stand-in for "hono": routing, the request wrapper and the context
// helpers our routes use (get/set, json, body, text).

declare module "hono" {
  export type Env = {
    Variables?: object;
    Bindings?: object;
  };

  export type BlankEnv = {};

  type VariablesOf<E extends Env> = E extends { Variables: infer V } ? V : {};

  export interface TypedResponse {
    readonly status: number;
    readonly ok: boolean;
  }

  export interface HonoRequest {
    readonly method: string;
    readonly path: string;
    param(key: string): string;
    query(key: string): string | undefined;
    header(name: string): string | undefined;
    json<T = any>(): Promise<T>;
  }

  export interface Context<E extends Env = BlankEnv> {
    req: HonoRequest;
    get<K extends keyof VariablesOf<E>>(key: K): VariablesOf<E>[K];
    set<K extends keyof VariablesOf<E>>(key: K, value: VariablesOf<E>[K]): void;
    json<T>(object: T, status?: number): TypedResponse;
    body(data: string | null, status?: number): TypedResponse;
    text(text: string, status?: number): TypedResponse;
  }

  export type Next = () => Promise<void>;

  export type Handler<E extends Env = BlankEnv> = (
    c: Context<E>,
    next: Next
  ) => TypedResponse | Promise<TypedResponse | void>;

  export type MiddlewareHandler<E extends Env = BlankEnv> = (
    c: Context<E>,
    next: Next
  ) => Promise<TypedResponse | void>;

  export class Hono<E extends Env = BlankEnv> {
    constructor(options?: { strict?: boolean });
    use(...handlers: MiddlewareHandler<E>[]): this;
    get(path: string, ...handlers: Handler<E>[]): this;
    post(path: string, ...handlers: Handler<E>[]): this;
    put(path: string, ...handlers: Handler<E>[]): this;
    patch(path: string, ...handlers: Handler<E>[]): this;
    delete(path: string, ...handlers: Handler<E>[]): this;
    route(path: string, app: Hono<any>): this;
  }
}
