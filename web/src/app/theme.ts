import { createTheme, type MantineColorsTuple } from "@mantine/core";

const probityBlue: MantineColorsTuple = [
  "#eaf1fc",
  "#d3dff3",
  "#a3bce7",
  "#7097dc",
  "#4777d2",
  "#2e63cc",
  "#1f58ca",
  "#1249b3",
  "#0b3d91",
  "#00347f",
];

const fontStack =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export const theme = createTheme({
  primaryColor: "probity",
  primaryShade: { light: 8, dark: 5 },
  colors: { probity: probityBlue },
  fontFamily: fontStack,
  headings: { fontFamily: fontStack, fontWeight: "650" },
  defaultRadius: "sm",
  cursorType: "pointer",
  focusRing: "auto",
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: "sm", fz: "sm" } },
    Paper: { defaultProps: { withBorder: true, radius: "md" } },
    Card: { defaultProps: { withBorder: true, radius: "md" } },
    Modal: { defaultProps: { radius: "md" } },
    // The default "Toggle password visibility" label would make getByLabel("Password") ambiguous.
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { "aria-label": "Show or hide characters" } },
    },
  },
});
