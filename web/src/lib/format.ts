import dayjs from "dayjs";

export const formatDate = (value: string | null | undefined) =>
  value ? dayjs(value).format("D MMM YYYY") : "—";

export const formatDateTime = (value: string | null | undefined) =>
  value ? dayjs(value).format("D MMM YYYY, HH:mm") : "—";

export const formatNumber = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : new Intl.NumberFormat("en-US").format(value);

export const humanise = (value: string) => {
  const text = value.replace(/[_.-]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export const countryName = (code: string | null | undefined) => {
  if (!code) return "—";
  try {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};

export const todayIso = () => dayjs().format("YYYY-MM-DD");
