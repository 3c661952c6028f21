import { h } from '@wahl/web-kit';
import { hrefFor, type RouteName, type RouteParams } from '../../router/router';

export type Navigate = (name: RouteName, params: RouteParams) => void;

const BASE = import.meta.env.BASE_URL;

/** A real link (opens in a new tab too) that the app follows without a reload. */
export const routeLink = (navigate: Navigate, name: RouteName, params: RouteParams, label: string, className: string): HTMLElement =>
  h(
    'a',
    {
      class: className,
      href: hrefFor(name, BASE, params),
      onclick: (event: Event) => {
        const mouse = event as MouseEvent;
        if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button === 1) return;
        event.preventDefault();
        navigate(name, params);
      },
    },
    label,
  );
