import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import * as fs from 'node:fs';
import { ALL_PROJECTIONS } from '../projections';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';

describe('operations endpoints (no auth)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('GET /health says ok, the store in use and the projections lag', async () => {
    const res = await t.http.get('/health').expect(200);
    const lag = Object.fromEntries(ALL_PROJECTIONS.map((p) => [p.name, '0']));
    expect(res.body).toEqual({ status: 'ok', store: 'sqlite', role: 'all', leaseHeld: true, projectionsLag: lag });
    expect(Object.keys(lag)).toEqual(expect.arrayContaining(['register', 'retention', 'compensation', 'oversight']));
  });

  it('GET /metrics serves Prometheus text with append counts and latencies', async () => {
    await t.runtime.store.append('test-1', [{ eventId: '0b3d9f3e-1f7a-4c55-9a57-3f1d8c2b7a10', type: 'Probe', data: {}, metadata: {} }], 'no-stream');
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/vigie_event_store_appends_total\{outcome="ok"\} 1/);
    expect(res.text).toMatch(/vigie_event_store_events_appended_total 1/);
    expect(res.text).toMatch(/vigie_event_store_append_seconds_bucket/);
    expect(res.text).toMatch(/vigie_projection_lag_events\{projection="register"\}/);
  });

  it('GET /docs-json describes every endpoint the controllers serve, with its method, and /docs serves the UI', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const served = controllerRoutes(t);
    expect(served.length).toBeGreaterThan(20);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(served);
    const ui = await t.http.get('/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await t.http.get('/nowhere').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('closing the application', () => {
  it('closes the event store, the read store and the vault after the server', async () => {
    const t = await startTestApp();
    await t.http.get('/health').expect(200);
    await t.close();
    await expect(t.runtime.store.headPosition()).rejects.toMatchObject({ name: 'StoreClosedError' });
    expect(t.runtime.readStore.isOpen).toBe(false);
    await expect(t.runtime.vault.has('any')).rejects.toThrow();
    // The test app made the data dir, so closing it leaves nothing behind.
    expect(fs.existsSync(t.dataDir)).toBe(false);
  });
});

/** Every `METHOD /path` the application's controllers declare, read from Nest's own metadata. */
function controllerRoutes(t: TestApp): string[] {
  const join = (...parts: string[]): string => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
  const routes = new Set<string>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const proto = (metatype as { prototype: Record<string, unknown> }).prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        routes.add(`${RequestMethod[method]} ${join(base, path).replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  }
  return [...routes].sort();
}
