import { beforeAll, describe, expect, it } from "vitest";
import { snapshotIndex } from "../test/snapshot.ts";
import type { NameIndex } from "./name-index.ts";
import { normalizeName, screenable } from "./normalize.ts";
import { prepareName, scoreNames } from "./score.ts";

// Renderings of real SDN names (the July 2021 snapshot in ../shared, read, not copied) in the
// scripts a counterparty's documents are written in. Each must find its entry.
const RENDERINGS: Record<string, [string, string][]> = {
  Arabic: [
    ["بشار الأسد", "AL-ASSAD, Bashar"],
    ["حسن نصر الله", "NASRALLAH, Hasan"],
    ["قاسم سليماني", "SOLEIMANI, Qasem"],
    ["رامي مخلوف", "MAKHLUF, Rami"],
    ["إسماعيل هنية", "HANIYEH, Ismail"],
    ["علي حسيني خامنئي", "KHAMENEI, Ali Husseini"],
    ["معمر القذافي", "QADHAFI, Muammar"],
    ["علي عبد الله صالح", "SALEH, Ali Abdullah"],
    ["أيمن الظواهري", "AL ZAWAHIRI, Dr. Ayman"],
    ["أسامة بن لادن", "BIN LADIN, Usama bin Muhammad bin Awad"],
  ],
  Chinese: [
    ["夏宝龙", "XIA, Baolong"],
    ["陈全国", "CHEN, Quanguo"],
    ["朱海仑", "ZHU, Hailun"],
    ["王明山", "WANG, Mingshan"],
    ["骆惠宁", "LUO, Huining"],
    ["张晓明", "ZHANG, Xiaoming"],
    ["郑雁雄", "ZHENG, Yanxiong"],
    ["王君正", "WANG, Junzheng"],
    ["李方伟", "LI, Fangwei"],
    ["马晓红", "MA, Xiaohong"],
  ],
  Greek: [
    ["Βίκτορ Μπουτ", "BOUT, Viktor Anatolijevitch"],
    ["Ραμζάν Καντίροφ", "KADYROV, Ramzan Akhmatovich"],
    ["Νικολάς Μαδούρο Μόρος", "MADURO MOROS, Nicolas"],
    ["Ρόμπερτ Μουγκάμπε", "MUGABE, Robert Gabriel"],
    ["Κάσεμ Σουλεϊμανί", "SOLEIMANI, Qasem"],
    ["Μουαμάρ Καντάφι", "QADHAFI, Muammar"],
    ["Μπασάρ αλ Άσαντ", "AL-ASSAD, Bashar"],
    ["Όλεγκ Ντεριπάσκα", "DERIPASKA, Oleg Vladimirovich"],
  ],
  Cyrillic: [
    ["Аркадий Ротенберг", "ROTENBERG, Arkady"],
    ["Геннадий Тимченко", "TIMCHENKO, Gennady"],
    ["Игорь Сечин", "SECHIN, Igor"],
    ["Рамзан Кадыров", "KADYROV, Ramzan Akhmatovich"],
    ["Олег Дерипаска", "DERIPASKA, Oleg Vladimirovich"],
    ["Евгений Пригожин", "PRIGOZHIN, Yevgeniy Viktorovich"],
    ["Николас Мадуро Морос", "MADURO MOROS, Nicolas"],
  ],
  Korean: [["김정은", "KIM, Jong Un"]],
};

let index: NameIndex;
beforeAll(() => {
  index = snapshotIndex();
});

describe("every script is romanised before tokenising (COC-18.1)", () => {
  for (const [script, pairs] of Object.entries(RENDERINGS)) {
    it(`COC-18.1: finds SDN entries written in ${script} script`, () => {
      const missed: string[] = [];
      for (const [query, listName] of pairs) {
        const entry = index.entries.find((e) => e.name === listName);
        expect(entry, listName).toBeDefined();
        const hits = index.screen({ name: query, type: "person" });
        if (!hits.some((h) => h.entityId === entry!.entityId)) missed.push(`${query} → ${listName}`);
      }
      expect(missed).toEqual([]);
    });
  }

  it("COC-18.1: romanises Arabic, Persian, Chinese, Greek, Hebrew, Devanagari, Korean, kana, Georgian and Armenian", () => {
    expect(normalizeName("بشار الأسد")).toBe("bshr al sd");
    expect(normalizeName("محمود احمدی‌نژاد")).not.toBe("");
    expect(normalizeName("习近平")).toBe("xi jinping");
    expect(normalizeName("Βλαντίμιρ Πούτιν")).toBe("vladimir putin");
    expect(normalizeName("בנימין נתניהו")).not.toBe("");
    expect(normalizeName("नरेंद्र मोदी")).toBe("nrendr modi"); // anusvara as n; the inherent vowel unwritten
    expect(normalizeName("김정은")).toBe("gim jeongeun");
    expect(normalizeName("キム・ジョンウン")).not.toBe("");
    expect(normalizeName("ვლადიმერ")).toBe("vladimer");
    expect(normalizeName("Պուտին")).toBe("powtin");
    expect(normalizeName("Владимир Путин")).toBe("vladimir putin");
  });

  it("COC-18.1: compares two names written in the same non-Latin script as written", () => {
    const s = scoreNames(prepareName("محمد بن سلمان"), prepareName("محمد بن سلمان"));
    expect(s.sameScript).toBe(true);
    expect(s.score).toBe(1);
    expect(s.tokens.every((t) => t.how === "script")).toBe(true);
  });

  it("COC-18.1: a name with no letters or digits in any script is not screenable (never 'clear')", () => {
    expect(screenable("---")).toBe(false);
    expect(screenable("🙂 ✓")).toBe(false);
    expect(screenable("بشار")).toBe(true);
    expect(screenable("夏宝龙")).toBe(true);
    expect(index.screen({ name: "---" })).toEqual([]);
  });
});
