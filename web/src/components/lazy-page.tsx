import { Center, Loader } from "@mantine/core";
import { type ComponentType, lazy, Suspense } from "react";

/**
 * A page loaded on first visit: the router imports the module only when the route renders, so the
 * first download holds the shell and the page in view, not every screen (one chunk per module).
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<object> }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per route when the router module loads, never during a render, so each page keeps one component identity.
  function LazyPage(props: object) {
    return (
      <Suspense
        fallback={
          <Center py="xl">
            <Loader size="sm" aria-label="Loading" />
          </Center>
        }
      >
        <Lazy {...props} />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${String(name)})`;
  return LazyPage as M[K];
}
