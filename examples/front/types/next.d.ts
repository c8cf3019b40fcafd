// Minimal stand-in for the parts of "next" that front's API routes use.
// The demo type-checks without node_modules, so only what we touch is here.

declare module "next" {
  export interface NextApiRequest {
    method?: string;
    url?: string;
    query: Partial<{ [key: string]: string | string[] }>;
    // Next.js parses JSON bodies for us; the shape is whatever the client sent.
    body: any;
    headers: { [name: string]: string | string[] | undefined };
    cookies: Partial<{ [key: string]: string }>;
    socket?: { remoteAddress?: string };
  }

  export interface NextApiResponse<T = any> {
    status(statusCode: number): NextApiResponse<T>;
    json(body: T): void;
    send(body: T): void;
    end(): void;
    setHeader(name: string, value: string | number | readonly string[]): this;
    redirect(statusCode: number, url: string): NextApiResponse<T>;
  }

  export type NextApiHandler<T = any> = (
    req: NextApiRequest,
    res: NextApiResponse<T>
  ) => unknown | Promise<unknown>;
}
