// Mantine components that navigate with TanStack Router (typed `to`, preloading, client-side transitions).
import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

type AnchorLinkProps = AnchorProps & Omit<ComponentPropsWithRef<"a">, "color" | "style">;
const AnchorBase = (props: AnchorLinkProps) => <Anchor {...props} />;
const CreatedAnchor = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => (
  <CreatedAnchor preload="intent" {...props} />
);

type ButtonLinkProps = ButtonProps & Omit<ComponentPropsWithRef<"a">, "color" | "style">;
const ButtonBase = (props: ButtonLinkProps) => <Button component="a" {...props} />;
const CreatedButton = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => (
  <CreatedButton preload="intent" {...props} />
);

type NavLinkLinkProps = NavLinkProps & Omit<ComponentPropsWithRef<"a">, "color" | "style" | "onChange">;
const NavLinkBase = (props: NavLinkLinkProps) => <NavLink component="a" {...props} />;
const CreatedNavLink = createLink(NavLinkBase);
export const NavLinkLink: LinkComponent<typeof NavLinkBase> = (props) => (
  <CreatedNavLink preload="intent" {...props} />
);
