import compress from "@fastify/compress";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance } from "fastify";
import { registerAccountPages, registerAccounts } from "./accounts/accounts.plugin.ts";
import { registerApi } from "./api/api.ts";
import { registerNotFoundCompression } from "./cache/compress-not-found.ts";
import { BROTLI_OPTIONS, COMPRESS_THRESHOLD, GZIP_OPTIONS, isCompressible } from "./cache/content-encoding.ts";
import type { Config } from "./config.ts";
import { registerCoordinationPages } from "./coordination/coordination.pages.tsx";
import type { Database } from "./db/client.ts";
import "./lib/actor.ts";
import { registerArchivePages } from "./editions/archive.pages.tsx";
import { registerEditionPages } from "./editions/editions.pages.tsx";
import { registerHomePage } from "./editions/home.pages.tsx";
import { registerEventFormPages } from "./event-form/event-form.pages.tsx";
import { registerEventPages } from "./events/event.pages.tsx";
import { registerProgrammePages } from "./events/programme.pages.tsx";
import { registerFeedRoutes } from "./feeds/feed.routes.ts";
import { registerHealthRoutes } from "./health/health.api.ts";
import { registerImportPages } from "./imports/import.pages.tsx";
import { registerScheduledJobs } from "./jobs/jobs.plugin.ts";
import { registerErrorHandlers } from "./lib/error-handler.tsx";
import { registerPublicCache } from "./lib/public-cache.ts";
import { keepUploadName } from "./lib/upload-names.ts";
import { registerMapPages } from "./map/map.pages.tsx";
import { registerMediaRoutes } from "./media/media.routes.ts";
import { MAX_IMAGE_BYTES } from "./media/store-image.ts";
import { registerMediaKitPages } from "./media-kit/media-kit.pages.tsx";
import { registerMediaKitAdminPages } from "./media-kit/media-kit-admin.pages.tsx";
import { registerMetrics } from "./metrics/metrics.plugin.ts";
import { registerAuditPages } from "./moderation/audit.pages.tsx";
import { registerReasonPages } from "./moderation/reasons.pages.tsx";
import { registerReviewPages } from "./moderation/review.pages.tsx";
import { registerNewsPages } from "./news/news.pages.tsx";
import { registerNewsAdminPages } from "./news/news-admin.pages.tsx";
import { registerNewsFeeds } from "./news/news-feeds.ts";
import { registerOrganisationPages } from "./organisations/organisation.pages.tsx";
import { registerOrganiserPages } from "./organiser/organiser.pages.tsx";
import { registerContentPages } from "./pages/content.pages.tsx";
import { registerPageAdminPages } from "./pages/pages-admin.pages.tsx";
import { registerMissingReportPages } from "./reports/missing-reports.pages.tsx";
import { registerReportPages } from "./reports/report.pages.tsx";
import { registerReportReviewPages } from "./reports/report-review.pages.tsx";
import { registerRetrospectivePages } from "./retrospective/retrospective.pages.tsx";
import { registerShareCardRoutes } from "./share-cards/share-card.routes.ts";
import { registerSitemapRoutes } from "./sitemap/sitemap.routes.ts";
import { registerStatePages } from "./states/state.pages.tsx";
import { registerOperationsPages } from "./stats/operations.pages.tsx";
import { registerStatisticsPages } from "./stats/stats.pages.tsx";
import type { FileStore } from "./storage/file-store.ts";
import { openFileStore } from "./storage/open-file-store.ts";
import { registerTaxonomyPages } from "./taxonomies/taxonomies.pages.tsx";
import { registerTradeFairPages } from "./trade-fairs/trade-fair.pages.tsx";
import { registerOrganisationAdminPages } from "./users/organisations-admin.pages.tsx";
import { registerUserPages } from "./users/users.pages.tsx";
import { registerStaticAssets } from "./views/static-assets.ts";
import { registerWidgetRoutes } from "./widget/widget.pages.tsx";

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    database: Database;
    /** Uploads and shared caches: DATA_DIR or the S3 bucket (src/storage/). */
    storage: FileStore;
    /** The time public queries and jobs go by (embargoes): the system clock, pinned by tests. */
    clock: () => Date;
  }
}

/** Assembles the app: external plugins, then app-wide handlers, then the features. */
export async function buildApp({
  config,
  database,
  storage = openFileStore(config),
  clock = () => new Date(),
}: {
  config: Config;
  database: Database;
  storage?: FileStore;
  clock?: () => Date;
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 300 },
  });
  app.decorate("config", config);
  app.decorate("database", database);
  app.decorate("storage", storage);
  app.decorate("clock", clock);
  app.decorateRequest("actor", null);
  registerPublicCache(app); // first: its onRequest hook answers cache hits before any other hook runs

  // Script, style, font and connect sources fall back to default-src; obsolete headers are left out
  // (docs/ARCHITECTURE.md "Security headers"): every response carries these bytes.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.production,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  // No interest-cohort: FLoC never shipped beyond a trial, and Chrome now warns about the unknown feature.
  app.addHook("onSend", async (_request, reply) => {
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=()");
  });
  // Brotli or gzip for every text response the public cache does not keep; the cache stores its own
  // compressed variants and marks them with Content-Encoding, which this plugin leaves alone.
  await app.register(compress, {
    encodings: ["br", "gzip"],
    threshold: COMPRESS_THRESHOLD,
    brotliOptions: BROTLI_OPTIONS,
    zlibOptions: GZIP_OPTIONS,
    customTypes: isCompressible,
  });
  registerNotFoundCompression(app);
  await app.register(formbody);
  // Multipart forms arrive like url-encoded ones: fields as strings, files as Buffers in request.body
  // (so the CSRF field is checked the same way), the names browsers sent kept aside (uploadNameOf). Over 10 MB → 413.
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    onFile: keepUploadName,
    limits: { fileSize: MAX_IMAGE_BYTES, files: 5, fields: 400, fieldSize: 100_000, parts: 420 },
  });
  await registerStaticAssets(app);
  await registerAccounts(app); // sessions → request.actor, CSRF check, rate-limit plugin: before every feature

  registerErrorHandlers(app);
  registerScheduledJobs(app);
  registerMediaRoutes(app);
  registerHealthRoutes(app);
  registerMetrics(app);
  await registerApi(app);
  registerHomePage(app);
  registerProgrammePages(app);
  registerMapPages(app);
  registerEventPages(app);
  registerShareCardRoutes(app);
  registerFeedRoutes(app);
  registerOrganisationPages(app);
  registerStatePages(app);
  registerTradeFairPages(app);
  registerArchivePages(app);
  registerContentPages(app);
  registerNewsPages(app);
  registerNewsFeeds(app);
  registerMediaKitPages(app);
  registerSitemapRoutes(app);
  registerWidgetRoutes(app);
  registerOrganiserPages(app);
  registerReasonPages(app);
  registerEditionPages(app);
  registerAuditPages(app);
  registerReviewPages(app);
  registerReportReviewPages(app);
  registerReportPages(app);
  registerMissingReportPages(app);
  registerEventFormPages(app);
  registerImportPages(app);
  registerCoordinationPages(app);
  registerPageAdminPages(app);
  registerUserPages(app);
  registerOrganisationAdminPages(app);
  registerStatisticsPages(app);
  registerOperationsPages(app);
  registerRetrospectivePages(app);
  registerNewsAdminPages(app);
  registerTaxonomyPages(app);
  registerMediaKitAdminPages(app);
  registerAccountPages(app); // keep last: its /mein-bereich fallback yields to a feature that registered one
  return app;
}
