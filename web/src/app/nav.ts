import {
  IconAddressBook,
  IconBuilding,
  IconBuildingBank,
  IconBuildingCommunity,
  IconCertificate,
  IconFileImport,
  IconFileText,
  IconHistory,
  IconHome,
  IconListCheck,
  IconMail,
  IconMessageReport,
  IconScale,
  IconShieldLock,
  IconSpeakerphone,
  IconUserShield,
  IconUsersGroup,
  IconWorldSearch,
} from "@tabler/icons-react";
import type { ComponentType } from "react";
import type { Permission } from "../features/auth/me.ts";

export type NavItem = {
  label: string;
  to: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Shown to users who hold the permission (or any one of a list). */
  permission?: Permission | Permission[];
  planned?: boolean;
};

export const mainNav: NavItem[] = [
  { label: "Home", to: "/", icon: IconHome },
  { label: "People", to: "/people", icon: IconAddressBook, permission: "people.read" },
  {
    label: "Speak-up",
    to: "/speakup/cases",
    icon: IconMessageReport,
    permission: ["speakup.handle", "speakup.intake_phone", "speakup.intake_letter"],
  },
  // Everyone may raise a concern in the app and follow their own reports (COC-21.1, COC-22.2).
  { label: "Report a concern", to: "/speakup/intake", icon: IconSpeakerphone },
  { label: "Policies", to: "/policies", icon: IconFileText },
  { label: "Certifications", to: "/certifications", icon: IconCertificate },
  { label: "Disclosures", to: "/disclosures", icon: IconScale },
  { label: "Screening", to: "/screening", icon: IconWorldSearch, permission: "screening.read" },
  { label: "Committees", to: "/committees", icon: IconUsersGroup, permission: "committee.read" },
  {
    label: "Restructuring",
    to: "/restructuring",
    icon: IconBuildingBank,
    permission: [
      "restructuring.read",
      "restructuring.manage",
      "restructuring.elect",
      "restructuring.investor",
    ],
  },
];

export const adminNav: NavItem[] = [
  {
    label: "Organisation",
    to: "/admin/organisation",
    icon: IconBuildingCommunity,
    permission: "organisation.manage",
  },
  { label: "Legal entities", to: "/admin/entities", icon: IconBuilding, permission: "entity.manage" },
  { label: "Users & roles", to: "/admin/users", icon: IconUserShield, permission: "user.manage" },
  { label: "Security settings", to: "/admin/security", icon: IconShieldLock, permission: "user.manage" },
  { label: "HR import", to: "/admin/import", icon: IconFileImport, permission: "people.import" },
  { label: "Outbox", to: "/admin/outbox", icon: IconMail, permission: "outbox.read" },
  { label: "Jobs", to: "/admin/jobs", icon: IconListCheck, permission: "job.manage" },
];

export const auditNav: NavItem = {
  label: "Audit log",
  to: "/audit",
  icon: IconHistory,
  permission: "audit.read",
};
