declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Marks a GET route whose response is the same for every visitor (no session, no cookies):
     * it gets ETag/Last-Modified/Cache-Control, 304s, and the in-process response cache.
     */
    publicCache?: boolean;
  }
}

export {};
