import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_KEY, type AccessRule } from '../../apps/api/src/platform/auth/access.decorator';

export type RouteInfo = {
  readonly method: string;
  /** Express path, e.g. `/api/elections/:electionId`. */
  readonly path: string;
  /** The route's declaration; undefined when the route declares nothing (which the guard refuses). */
  readonly rule: AccessRule | undefined;
};

const joinPath = (...parts: string[]): string =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every controller route Nest knows, with its access declaration. */
function declaredRoutes(app: NestExpressApplication): Map<string, AccessRule | undefined> {
  const routes = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classRule = Reflect.getMetadata(ACCESS_KEY, controller) as AccessRule | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = (Reflect.getMetadata(ACCESS_KEY, handler) as AccessRule | undefined) ?? classRule;
        for (const prefix of prefixes) {
          for (const path of ([] as string[]).concat(paths)) routes.set(`${method} ${joinPath('api', prefix, path)}`, rule);
        }
      }
    }
  }
  return routes;
}

type Layer = { route?: { path: string; methods: Record<string, boolean> } };

/**
 * Every route the running HTTP server answers (read from Express's router, so nothing is missed),
 * joined with Nest's declarations.
 */
export function enumerateRoutes(app: NestExpressApplication): RouteInfo[] {
  const declared = declaredRoutes(app);
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const routes: RouteInfo[] = [];
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) {
      const key = `${method.toUpperCase()} ${layer.route.path}`;
      routes.push({ method: method.toUpperCase(), path: layer.route.path, rule: declared.get(key) });
    }
  }
  return routes;
}

/** Fills `:param` placeholders from the map; unknown names are returned so the test can say which. */
export function fillPath(path: string, values: Readonly<Record<string, string>>): { url: string; unknown: string[] } {
  const unknown: string[] = [];
  const url = path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.push(name);
      return 'x';
    }
    return encodeURIComponent(value);
  });
  return { url, unknown };
}
