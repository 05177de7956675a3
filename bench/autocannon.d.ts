// The few parts of autocannon 9 the benchmark uses (the package ships no types; @types/autocannon is not installed).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string> };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    requests?: Array<
      Request & {
        setupRequest?: (request: Request, context: unknown) => Request;
        onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string>) => void;
      }
    >;
  };
  type Histogram = { average: number; total: number; p50: number; p99: number; max: number };
  type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number };
  export default function autocannon(options: Options): Promise<Result>;
}
