export const header = (title: string, subtitle: string) => [
  { text: title, style: "title" },
  { text: subtitle, color: "#555", margin: [0, 0, 0, 12] },
];
export const styles = {
  title: { fontSize: 16, bold: true },
  h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
};
