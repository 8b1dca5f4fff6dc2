import { useEffect } from "react";

export const APP_NAME = "Probity";

/** Sets `document.title` to "Title · Probity" while the screen is shown (every route has its own). */
export const usePageTitle = (title: string | undefined) => {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
};
