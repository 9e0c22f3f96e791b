import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';

describe('platform routes and HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health and readiness with the database kind', async () => {
    expect((await t.app.inject('/api/v1/health')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/api/v1/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
    expect(ready.json().migrations).toBeGreaterThan(0);
  });

  it('gives every response a request id and security headers', async () => {
    const res = await t.app.inject('/api/v1/health');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers unknown routes with problem+json in Vietnamese by default and English on request', async () => {
    const vi = await t.app.inject('/api/v1/no-such-thing');
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404, title: 'Không tìm thấy địa chỉ yêu cầu' });
    const en = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: 'No such address' });
    expect(en.json().requestId).toBe(en.headers['x-request-id']);
  });

  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/ready']));
    expect(doc.paths['/api/v1/ready'].get.responses['200']).toBeDefined();
  });

  it('documents every API route in OpenAPI, with its request body and a success response schema', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, { content?: unknown }> }>>;
    };
    const routes = t.app.apiRoutes.filter((r) => !r.hidden);
    expect(routes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const route of routes) {
      // Fastify's ':id' is OpenAPI's '{id}'.
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      if (!operation) {
        problems.push(`${route.method} ${path}: not in the OpenAPI document`);
        continue;
      }
      if (!route.hasResponse) problems.push(`${route.method} ${path}: no success response schema`);
      if (['POST', 'PUT', 'PATCH'].includes(route.method) && route.hasBody && !operation.requestBody) {
        problems.push(`${route.method} ${path}: body schema missing from the document`);
      }
    }
    expect(problems).toEqual([]);
  });
});
