// Rows written straight into the app's IndexedDB, the way a crash or an older version would have left them, for the
// history and report specs.
import type { Page } from '@playwright/test';

/**
 * Writes rows into the app's database behind its back, once the app has made its stores. The database is listed
 * from the app's first open on, before its stores exist: an open that finds no 'sessions' store closes and tries
 * again (beside a CPU hog the transaction once threw inside onsuccess, and the promise never settled).
 */
export async function seedRaw(page: Page, rows: unknown[]): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'form-coach'));
  await page.evaluate(
    (items) =>
      new Promise<void>((resolve, reject) => {
        const attempt = (): void => {
          const open = indexedDB.open('form-coach');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('sessions')) {
              db.close();
              setTimeout(attempt, 100);
              return;
            }
            try {
              const tx = db.transaction('sessions', 'readwrite');
              for (const r of items) tx.objectStore('sessions').put(r);
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          };
        };
        attempt();
      }),
    rows,
  );
}
