import { buildPreparedDemo } from "./db/seed/demo/prepared-demo.ts";

/**
 * `npm install` runs this (postinstall): builds the prepared demo the first `npm start` copies
 * (db/seed/demo/prepared-demo.ts). A failure only costs speed: the start then seeds row by row.
 */
const started = performance.now();
buildPreparedDemo()
  .then(({ demo, built }) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(built ? `Prepared demo built in ${seconds} s: ${demo.dir}` : `Prepared demo up to date: ${demo.dir}`);
  })
  .catch((error: unknown) => {
    console.warn(`Prepared demo not built (the first npm start seeds row by row instead): ${(error as Error).message}`);
  });
