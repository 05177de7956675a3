import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../src/db/client.ts";
import { buildTemplate } from "./template.ts";

/** Builds one migrated, seeded template database per run on TEST_DATABASE_URL; test files copy it. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const name = `cw_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = openPostgres(withDatabase(url, name), 2);
  try {
    await buildTemplate(database);
  } finally {
    await database.close();
  }
  project.provide("postgresTemplate", name);
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
